import { Command, InvalidArgumentError, Option } from 'commander';
import { type AuditFlags, auditCommand } from './audit-command';
import type { CliIo } from './cli-io';
import { type DecideFlags, decideCommand } from './decide-command';
import { type ExportFlags, exportCommand } from './export-command';
import { type ImportFlags, importCommand } from './import-command';
import { registerReconcile } from './reconcile-program';
import {
  eventstoreOption,
  inputOption,
  postgresOption,
  postgresSchemaOption,
} from './source-options';

const wholeNumber = (text: string): number => {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new InvalidArgumentError('expected a whole number, 1 or more.');
  return value;
};

const AS_OF = 'replay only what had happened by this ISO-8601 UTC time, e.g. 2026-03-01T00:00:00Z';
const POLICY = 'JSON file with a partial override of the default policy (A-1..A-7)';

const EXIT_CODES_HELP = `
Exit codes: 0 clean, 1 discrepancies or invalid records found, 2 usage or I/O error.`;

/**
 * The `order-liability` program. Actions report their exit code through `setExitCode`;
 * commander's own errors (unknown option, missing value) are thrown by exitOverride.
 */
export const buildProgram = (io: CliIo, setExitCode: (code: number) => void): Command => {
  const program = new Command('order-liability')
    .description(
      'Audit who carries the loss on high-risk orders after a Klarna stop request: replay, recompute, compare.',
    )
    .exitOverride()
    .showSuggestionAfterError(false)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // One line, in the same voice as the command line's other errors.
      outputError: (text, write) => {
        write(
          `order-liability: ${text
            .replace(/^error: /, '')
            .replace(/\s+/g, ' ')
            .trim()}\n`,
        );
      },
    })
    .addHelpText('after', EXIT_CODES_HELP);

  program
    .command('audit')
    .description(
      'Replay every order, recompute its decision under the policy and compare it with the booked settlement lines.',
    )
    .addOption(inputOption('JSON Lines export to audit (.jsonl, or gzip: .jsonl.gz)'))
    .addOption(eventstoreOption())
    .addOption(postgresOption())
    .addOption(postgresSchemaOption())
    .addOption(
      new Option('--format <format>', 'report format')
        .choices(['json', 'csv', 'markdown'])
        .default('json'),
    )
    .option('--out <file>', 'write the report to this file instead of stdout')
    .option('--policy <file>', POLICY)
    .option('--as-of <time>', AS_OF)
    .addOption(
      new Option(
        '--partitions <n>',
        'replay orders in n partitions through temporary files to bound memory (default: by file size; 8 for a store)',
      ).argParser(wholeNumber),
    )
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (flags: AuditFlags) => {
      setExitCode(await auditCommand(flags, io));
    });

  program
    .command('decide')
    .description(
      'Print one case from an export: history, decision, next steps and settlement lines.',
    )
    .requiredOption('--input <file>', 'JSON Lines export (.jsonl or .jsonl.gz)')
    .requiredOption('--order <orderId>', 'the order id (its stream is order-<orderId>)')
    .option('--merchant-view', 'print only what the merchant may see (no risk notes), as JSON')
    .option('--policy <file>', POLICY)
    .option('--as-of <time>', AS_OF)
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (flags: DecideFlags) => {
      setExitCode(await decideCommand(flags, io));
    });

  program
    .command('export')
    .description('Write every event of a store to a JSON Lines file (gzip when it ends in .gz).')
    .addOption(eventstoreOption())
    .addOption(postgresOption())
    .addOption(postgresSchemaOption())
    .requiredOption('--output <file>', 'the file to write, e.g. events.jsonl')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (flags: ExportFlags) => {
      setExitCode(await exportCommand(flags, io));
    });

  program
    .command('import')
    .description(
      'Load an export into a store, refusing any stream that already exists there (for tests and migrations).',
    )
    .requiredOption('--input <file>', 'JSON Lines export (.jsonl or .jsonl.gz)')
    .addOption(eventstoreOption())
    .addOption(postgresOption())
    .addOption(postgresSchemaOption())
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (flags: ImportFlags) => {
      setExitCode(await importCommand(flags, io));
    });

  registerReconcile(program, io, setExitCode);

  return program;
};
