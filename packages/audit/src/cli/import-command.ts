import { openExportFile } from '../file-source';
import { importItems } from '../import-export';
import { checkMaxDepth } from '../limits';
import { type ReadFlags, readOptionsOf } from './read-options';
import type { CliIo } from './cli-io';
import { describeInvalid } from './describe-invalid';
import { EXIT_CLEAN, EXIT_FINDINGS } from './exit-codes';
import { type SourceFlags, sourceOf } from './source-of';

export interface ImportFlags extends SourceFlags, ReadFlags {
  readonly input: string;
}

/**
 * `order-liability import`: loads an export into a store, refusing streams that already
 * exist; exit 1 when a stream was refused or a record left out.
 */
export const importCommand = async (flags: ImportFlags, io: CliIo): Promise<number> => {
  const source = sourceOf({ ...flags, input: undefined }, ['store']);
  const maxDepth = checkMaxDepth(flags.maxDepth);
  if (source.kind !== 'store') return EXIT_CLEAN;
  const file = await openExportFile(flags.input, readOptionsOf(flags, io));
  const opened = await io.openStore(source.store).catch((error: unknown) => {
    file.file.close();
    throw error;
  });
  try {
    await opened.prepareForWrites();
    const result = await importItems(file.items, opened.store, { maxDepth });
    for (const entry of result.invalid) io.stderr.write(`${describeInvalid(entry)}\n`);
    for (const refused of result.refused)
      io.stderr.write(`refused: ${refused.streamId}: ${refused.reason}\n`);
    io.stderr.write(
      `imported ${result.events} events into ${result.streams} streams; ${result.refused.length} streams refused, ${result.invalid.length} invalid records left out\n`,
    );
    return result.refused.length > 0 || result.invalid.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  } finally {
    await opened.store.close().catch(() => undefined);
  }
};
