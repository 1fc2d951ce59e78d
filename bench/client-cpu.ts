/**
 * The given sides, each also recording the CPU seconds this process spends in every call (user
 * and system), the first call dropped as `alternate` drops its warm-up round. A database server
 * runs in another process and is not counted: the figure is what the client itself costs, and it
 * moves less than wall time when other work shares the machine.
 */
export const withClientCpu = (
  sides: Readonly<Record<string, () => Promise<void>>>,
): { sides: Record<string, () => Promise<void>>; cpu: Record<string, number[]> } => {
  const cpu: Record<string, number[]> = {};
  const measured = Object.fromEntries(
    Object.entries(sides).map(([name, work]) => {
      const rounds: number[] = [];
      cpu[name] = rounds;
      let calls = 0;
      const side = async (): Promise<void> => {
        const start = process.cpuUsage();
        await work();
        const used = process.cpuUsage(start);
        calls += 1;
        if (calls > 1) rounds.push((used.user + used.system) / 1e6);
      };
      return [name, side];
    }),
  );
  return { sides: measured, cpu };
};
