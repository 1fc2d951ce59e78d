import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Lines as the async iterable a file would give. */
export async function* linesOf(lines: readonly string[]): AsyncGenerator<string> {
  for (const line of lines) yield await Promise.resolve(line);
}

/** A fresh temporary directory, removed by the returned function. */
export const tempDir = async (): Promise<{
  readonly dir: string;
  readonly remove: () => Promise<void>;
}> => {
  const dir = await mkdtemp(join(tmpdir(), 'audit-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
};
