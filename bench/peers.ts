// `pnpm bench peers`: our stores against Emmett's on the same events, in-memory then
// PostgreSQL (one embedded server), as one part. Each half alternates its own sides.
import { runPeersInMemoryBench } from './peers-in-memory';
import { runPeersPostgreSQLBench } from './peers-postgresql';
import type { BenchPart } from './section';

const prefixed = <V>(prefix: string, entries: Readonly<Record<string, V>>): Record<string, V> =>
  Object.fromEntries(Object.entries(entries).map(([key, value]) => [`${prefix} ${key}`, value]));

export const runPeersBench: BenchPart = async (options) => {
  const inMemory = await runPeersInMemoryBench(options);
  const postgresql = await runPeersPostgreSQLBench(options);
  return {
    name: 'peers',
    figures: {
      ...prefixed('in-memory', inMemory.figures),
      ...prefixed('postgresql', postgresql.figures),
    },
    rounds: {
      ...prefixed('in-memory', inMemory.rounds ?? {}),
      ...prefixed('postgresql', postgresql.rounds ?? {}),
    },
    ratio: `${inMemory.ratio}\n${postgresql.ratio}`,
  };
};
