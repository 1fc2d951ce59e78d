// The measured sides of `pnpm bench peers` (bench/peers.ts), run as a process of its own on
// the built packages: our stores against Emmett's on the same events, in-memory then
// PostgreSQL (one embedded server), as one part. Each half alternates its own sides.
import { serveSection } from './built-child';
import { runPeersInMemoryBench } from './peers-in-memory';
import { runPeersPostgreSQLBench } from './peers-postgresql';
import type { BenchPart } from './section';

const prefixed = <V>(prefix: string, entries: Readonly<Record<string, V>>): Record<string, V> =>
  Object.fromEntries(Object.entries(entries).map(([key, value]) => [`${prefix} ${key}`, value]));

export const measurePeers: BenchPart = async (options) => {
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

if (require.main === module) serveSection(measurePeers);
