// Issue 13: decompression bombs stop with exit 2, sources that are not regular files are
// refused without a hang, and `--input -` reads stdin.
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { captureIo } from './__fixtures__/cli-io';
import { tempDir } from './__fixtures__/lines';
import { plantedExport } from './__fixtures__/planted-export';
import { runCli } from './cli/run-cli';

const planted = `${plantedExport().lines.join('\n')}\n`;
const MIB = 1024 * 1024;

let dir = '';
let removeDir: () => Promise<void> = () => Promise.resolve();
const file = (name: string): string => join(dir, name);
beforeAll(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  await writeFile(file('planted.jsonl'), planted);
  await writeFile(file('planted.jsonl.gz'), gzipSync(planted));
});
afterAll(() => removeDir());

const run = async (argv: readonly string[], stdin?: Readable) => {
  const captured = captureIo(undefined, false, stdin);
  const code = await runCli(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
};

describe('decompression bombs (issue 13)', () => {
  it('stops a gzip of 256 MiB of line ends (256 KiB on disk) at 100 times its size, exit 2, one line', async () => {
    function* newlines(): Generator<Buffer> {
      const chunk = Buffer.alloc(MIB, 0x0a);
      for (let i = 0; i < 256; i += 1) yield chunk;
    }
    await pipeline(
      Readable.from(newlines()),
      createGzip({ level: 9 }),
      createWriteStream(file('bomb.jsonl.gz')),
    );
    const { code, stdout, stderr } = await run(['audit', '--input', file('bomb.jsonl.gz')]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(
      new RegExp(
        `^order-liability: ${file('bomb.jsonl.gz')}: the gzip data inflates past 100 times its compressed size \\([\\d,]+ bytes from [\\d,]+\\), like a decompression bomb; if the export is genuine, raise --max-inflate-ratio\\n$`,
      ),
    );
  }, 30_000);

  it('stops at --max-inflated-bytes, and --max-inflate-ratio lets a genuine export through', async () => {
    const small = await run([
      'audit',
      '--input',
      file('planted.jsonl.gz'),
      '--max-inflated-bytes',
      '1000',
    ]);
    expect([small.code, small.stderr]).toEqual([
      2,
      `order-liability: ${file('planted.jsonl.gz')}: the gzip data inflates past 1,000 bytes; if the export is genuine, raise --max-inflated-bytes\n`,
    ]);
    const fine = await run(['audit', '--input', file('planted.jsonl.gz')]);
    expect(fine.code).toBe(1);
    expect(JSON.parse(fine.stdout)).toMatchObject({ summary: { orders: 12, events: 51 } });
  }, 30_000);
});

describe('sources that are not regular files (issue 13)', () => {
  it('refuses a FIFO with no writer at once, exit 2', async () => {
    execFileSync('mkfifo', [file('fifo')]);
    const { code, stderr } = await run(['audit', '--input', file('fifo')]);
    expect([code, stderr]).toEqual([
      2,
      `order-liability: ${file('fifo')} is a FIFO, not an export file; give a regular file, - for stdin, or a store\n`,
    ]);
  });

  it.each([
    ['a directory', () => file('folder')],
    ['a character device', () => '/dev/zero'],
  ])('refuses %s, exit 2, for audit and decide', async (kind, path) => {
    await mkdir(file('folder'), { recursive: true });
    for (const argv of [
      ['audit', '--input', path()],
      ['decide', '--input', path(), '--order', 'clean'],
    ]) {
      const { code, stderr } = await run(argv);
      expect([code, stderr]).toEqual([
        2,
        `order-liability: ${path()} is ${kind}, not an export file; give a regular file, - for stdin, or a store\n`,
      ]);
    }
  });
});

describe('--input - (issue 13)', () => {
  it('reads the export from stdin, plain or gzip, in audit and decide', async () => {
    const fromFile = await run(['audit', '--input', file('planted.jsonl')]);
    const plain = await run(['audit', '--input', '-'], Readable.from([Buffer.from(planted)]));
    expect([plain.code, plain.stdout]).toEqual([1, fromFile.stdout]);
    const gzip = await run(
      ['audit', '--input', '-', '--format', 'markdown'],
      Readable.from([await readFile(file('planted.jsonl.gz'))]),
    );
    expect(gzip.stdout).toContain('Source: `stdin`');
    expect(gzip.stdout).toContain('| Orders | 12 |');
    const decide = await run(
      ['decide', '--input', '-', '--order', 'split'],
      Readable.from([Buffer.from(planted)]),
    );
    expect(decide.stdout).toContain('liability: split');
  });
});
