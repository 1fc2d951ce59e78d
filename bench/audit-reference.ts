// The audit benchmark's reference sides (issue 15): what any auditor that checks each record
// and keeps each order's state must do on top of the floor (readline + JSON.parse), written
// as plainly as possible, so that the printed ratios show how low an audit can go at all.
//   validate — the floor, plus the domain's decodeEvent on each record (type and data);
//   reduce   — validate, plus each order's state in a Map, changed in place by the plain
//              mutable reducer of the fold benchmark (no freezing, no checks, no assessment).
// Run as a child: `node --import tsx bench/audit-reference.ts <level> <file>`; it prints the
// figures of child-figures.ts.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { decodeEvent } from '@order-liability/domain';
import { emptyPlainState, plainAdd, type PlainState } from './plain-reducer';

const isLevel = (value: string | undefined): value is 'validate' | 'reduce' =>
  value === 'validate' || value === 'reduce';

const fieldOf = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;

const main = async (): Promise<void> => {
  const [level, file] = process.argv.slice(2);
  if (!isLevel(level) || file === undefined)
    throw new Error('usage: audit-reference.ts validate|reduce <export file>');
  const start = process.hrtime.bigint();
  const bytes = createReadStream(file);
  const input = file.endsWith('.gz') ? bytes.pipe(createGunzip()) : bytes;
  const orders = new Map<string, PlainState>();
  let count = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    const record: unknown = JSON.parse(line);
    const decoded = decodeEvent({ type: fieldOf(record, 'type'), data: fieldOf(record, 'data') });
    if (decoded._tag === 'Left') throw new Error(`line ${count + 1}: ${decoded.left.message}`);
    count += 1;
    if (level === 'validate') continue;
    const streamId = String(fieldOf(record, 'streamId'));
    let state = orders.get(streamId);
    if (state === undefined) {
      state = emptyPlainState();
      orders.set(streamId, state);
    }
    plainAdd(state, decoded.right);
  }
  process.stdout.write(
    `${JSON.stringify({
      count,
      seconds: Number(process.hrtime.bigint() - start) / 1e9,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
};

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
