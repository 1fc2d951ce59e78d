// `pnpm bench peers`: our stores against Emmett's (in memory, then PostgreSQL). The sides run in
// a process of their own (peers-sides.ts) on built JavaScript, ours from dist/ as users run it,
// as Emmett runs its published code; this part relays its progress lines and reads its section.
import { join } from 'node:path';
import { runSectionInChild } from './built-child';

export const runPeersBench = runSectionInChild(join(__dirname, 'peers-sides.ts'));
