import { exportStore } from '../export-store';
import type { CliIo } from './cli-io';
import { describeInvalid } from './describe-invalid';
import { EXIT_CLEAN, EXIT_FINDINGS } from './exit-codes';
import { type SourceFlags, sourceOf } from './source-of';

export interface ExportFlags extends SourceFlags {
  readonly output: string;
}

/** `order-liability export`: a store's events as JSON Lines; exit 1 if some could not be read. */
export const exportCommand = async (flags: ExportFlags, io: CliIo): Promise<number> => {
  const source = sourceOf(flags, ['store']);
  if (source.kind !== 'store') return EXIT_CLEAN;
  const opened = await io.openStore(source.store);
  try {
    const result = await exportStore(opened.store, flags.output);
    for (const entry of result.invalid) io.stderr.write(`${describeInvalid(entry)}\n`);
    io.stderr.write(
      `exported ${result.events} events to ${flags.output}${result.invalid.length === 0 ? '' : `; ${result.invalid.length} unreadable events left out`}\n`,
    );
    return result.invalid.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  } finally {
    await opened.store.close().catch(() => undefined);
  }
};
