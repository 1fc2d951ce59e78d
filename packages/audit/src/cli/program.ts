import { Command, InvalidArgumentError, Option } from 'commander';
import type { AuditFlags } from './audit-command';
import type { CliIo } from './cli-io';
import type { DecideFlags } from './decide-command';
import type { ExportFlags } from './export-command';
import type { GenerateFlags } from './generate-command';
import type { ImportFlags } from './import-command';
import { loadOnUse } from './load-on-use';
import { packageVersion } from './package-version';
import { VERSION_FLAGS } from './version-flags';
import { DEFAULT_MAX_DEPTH } from '../json-depth';
import { DEFAULT_MAX_INFLATED_BYTES, DEFAULT_MAX_INFLATE_RATIO } from '../gzip-defaults';
import { DEFAULT_MAX_RECORD_BYTES } from '../split-lines';
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

const maxRecordBytesOption = (): Option =>
  new Option(
    '--max-record-bytes <n>',
    'a line longer than this is reported as an invalid record (record-too-large) without being read into memory',
  )
    .argParser(wholeNumber)
    .default(DEFAULT_MAX_RECORD_BYTES, '16 MiB');

const maxDepthOption = (): Option =>
  new Option(
    '--max-depth <n>',
    'a record nesting objects and arrays deeper than this is reported as an invalid record (too-deep); at most 1000',
  )
    .argParser(wholeNumber)
    .default(DEFAULT_MAX_DEPTH);

const maxInflateRatioOption = (): Option =>
  new Option(
    '--max-inflate-ratio <n>',
    'stop (exit 2) when gzip input inflates past n times its compressed size',
  )
    .argParser(wholeNumber)
    .default(DEFAULT_MAX_INFLATE_RATIO);

const maxInflatedBytesOption = (): Option =>
  new Option('--max-inflated-bytes <n>', 'stop (exit 2) when gzip input inflates past n bytes')
    .argParser(wholeNumber)
    .default(DEFAULT_MAX_INFLATED_BYTES, '64 GiB');

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
    .addHelpText('after', EXIT_CODES_HELP)
    .version(packageVersion(), VERSION_FLAGS, 'print the version of order-liability');

  program
    .command('audit')
    .description(
      'Replay every order, recompute its decision under the policy and compare it with the booked settlement lines.',
    )
    .addOption(inputOption('JSON Lines export to audit (.jsonl, or gzip: .jsonl.gz; - for stdin)'))
    .addOption(eventstoreOption())
    .addOption(postgresOption())
    .addOption(postgresSchemaOption())
    .addOption(
      new Option('--format <format>', 'report format')
        .choices(['json', 'csv', 'markdown', 'html'])
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
    .addOption(
      new Option(
        '--workers <n>',
        "replay an export file in n worker threads, each taking a share of the orders (default: the machine's cores for a file of 32 MB or more, else 1)",
      ).argParser(wholeNumber),
    )
    .addOption(maxRecordBytesOption())
    .addOption(maxDepthOption())
    .addOption(maxInflateRatioOption())
    .addOption(maxInflatedBytesOption())
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (flags: AuditFlags) => {
      setExitCode(await loadOnUse('./audit-command').auditCommand(flags, io));
    });

  program
    .command('decide')
    .description(
      'Print one case from an export: history, decision, next steps and settlement lines.',
    )
    .requiredOption('--input <file>', 'JSON Lines export (.jsonl or .jsonl.gz; - for stdin)')
    .requiredOption('--order <orderId>', 'the order id (its stream is order-<orderId>)')
    .option('--merchant-view', 'print only what the merchant may see (no risk notes), as JSON')
    .addOption(maxRecordBytesOption())
    .addOption(maxDepthOption())
    .addOption(maxInflateRatioOption())
    .addOption(maxInflatedBytesOption())
    .option('--policy <file>', POLICY)
    .option('--as-of <time>', AS_OF)
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (flags: DecideFlags) => {
      setExitCode(await loadOnUse('./decide-command').decideCommand(flags, io));
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
      setExitCode(await loadOnUse('./export-command').exportCommand(flags, io));
    });

  program
    .command('import')
    .description(
      'Load an export into a store, refusing any stream that already exists there (for tests and migrations).',
    )
    .requiredOption('--input <file>', 'JSON Lines export (.jsonl or .jsonl.gz; - for stdin)')
    .addOption(maxRecordBytesOption())
    .addOption(maxDepthOption())
    .addOption(maxInflateRatioOption())
    .addOption(maxInflatedBytesOption())
    .addOption(eventstoreOption())
    .addOption(postgresOption())
    .addOption(postgresSchemaOption())
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (flags: ImportFlags) => {
      setExitCode(await loadOnUse('./import-command').importCommand(flags, io));
    });

  program
    .command('generate')
    .description(
      'Write a realistic export (legal histories decided by the domain), with planted faults on request.',
    )
    .addOption(
      new Option('--orders <n>', 'how many orders').argParser(wholeNumber).makeOptionMandatory(),
    )
    .addOption(
      new Option('--seed <n>', 'the same seed gives the same export')
        .argParser(wholeNumber)
        .default(2026),
    )
    .option(
      '--faults',
      'plant five faults: lines-differ, fraud-not-booked, booked-twice, a cut-off line, an invalid event',
    )
    .requiredOption(
      '--output <file>',
      'the file to write, e.g. events.jsonl.gz (gzip when it ends in .gz)',
    )
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (flags: GenerateFlags) => {
      setExitCode(await loadOnUse('./generate-command').generateCommand(flags, io));
    });
  registerReconcile(program, io, setExitCode);

  return program;
};
