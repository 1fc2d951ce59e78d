import { type Command, Option } from 'commander';
import type { CliIo } from './cli-io';
import { loadOnUse } from './load-on-use';
import type { ReconcileFlags } from './reconcile-command';
import {
  eventstoreOption,
  inputOption,
  postgresOption,
  postgresSchemaOption,
} from './source-options';

const EXIT_CODES_HELP = `
Exit codes: 0 everything matches, 1 findings or invalid report rows, 2 usage or I/O error.`;

/** Adds `order-liability reconcile` to the program. */
export const registerReconcile = (
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
): void => {
  program
    .command('reconcile')
    .description(
      "Compare the fraud transactions each case's decision implies with Klarna's settlement reports (one per payout).",
    )
    .addOption(inputOption('JSON Lines export of the events (.jsonl, or gzip: .jsonl.gz)'))
    .addOption(eventstoreOption())
    .addOption(postgresOption())
    .addOption(postgresSchemaOption())
    .requiredOption(
      '--settlement <file...>',
      'Klarna settlement report: .csv or .json, optionally .gz (repeatable: one per payout)',
    )
    .addOption(
      new Option('--format <format>', 'report format')
        .choices(['json', 'csv', 'markdown', 'html'])
        .default('json'),
    )
    .option('--out <file>', 'write the report to this file instead of stdout')
    .option('--policy <file>', 'JSON file with a partial override of the default policy (A-1..A-7)')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (flags: ReconcileFlags) => {
      setExitCode(await loadOnUse('./reconcile-command').reconcileCommand(flags, io));
    });
};
