import { toMerchantView } from '@order-liability/domain';
import { usageError } from '../audit-error';
import { openExportFile } from '../file-source';
import { formatCase } from '../format-case';
import { checkMaxDepth } from '../limits';
import { type ReadFlags, readOptionsOf } from './read-options';
import { readCase } from '../read-case';
import type { CliIo } from './cli-io';
import { EXIT_CLEAN, EXIT_FINDINGS } from './exit-codes';
import { describeInvalid } from './describe-invalid';
import { checkAsOf, policyFromFlag } from './shared-options';

export interface DecideFlags extends ReadFlags {
  readonly input: string;
  readonly order: string;
  readonly merchantView?: boolean;
  readonly policy?: string;
  readonly asOf?: string;
}

/**
 * `order-liability decide`: one case from an export. Exit 1 when records of the case were
 * invalid (listed on stderr), 2 when the order is not in the export.
 */
export const decideCommand = async (flags: DecideFlags, io: CliIo): Promise<number> => {
  checkAsOf(flags.asOf);
  const policy = await policyFromFlag(flags.policy);
  const maxDepth = checkMaxDepth(flags.maxDepth);
  const source = await openExportFile(flags.input, readOptionsOf(flags, io));
  const report = await readCase(source.items, flags.order, {
    ...(policy === undefined ? {} : { policy }),
    ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
    maxDepth,
  });
  if (report === undefined)
    throw usageError(`order ${JSON.stringify(flags.order)} is not in ${flags.input}`);
  io.stdout.write(
    flags.merchantView === true
      ? `${JSON.stringify(toMerchantView(report.state, policy), null, 2)}\n`
      : formatCase(report, flags.asOf),
  );
  for (const entry of report.invalid) io.stderr.write(`${describeInvalid(entry)}\n`);
  for (const found of report.discrepancies)
    io.stderr.write(`discrepancy: ${report.streamId}: ${found.kind}\n`);
  return report.invalid.length > 0 || report.discrepancies.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
};
