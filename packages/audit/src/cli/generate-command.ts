import { generateExport, generateRecords } from '../generate/generate-export';
import { withPlantedFaults } from '../generate/plant-faults';
import { writeLines } from '../write-lines';
import type { CliIo } from './cli-io';
import { EXIT_CLEAN } from './exit-codes';

export interface GenerateFlags {
  readonly orders: number;
  readonly seed: number;
  readonly faults?: boolean;
  readonly output: string;
}

/**
 * `order-liability generate`: a realistic export (legal histories decided by the domain,
 * interleaved in global order), with five planted faults on request; the generator the
 * tests, the examples and the benchmark use.
 */
export const generateCommand = async (flags: GenerateFlags, io: CliIo): Promise<number> => {
  const options = { orders: flags.orders, seed: flags.seed };
  const planted: string[] = [];
  const lines =
    flags.faults === true
      ? withPlantedFaults(generateRecords(options), planted)
      : generateExport(options);
  const written = await writeLines(flags.output, lines);
  io.stderr.write(
    `generated ${flags.orders} orders (seed ${flags.seed}), ${written} lines, to ${flags.output}\n`,
  );
  for (const fault of planted) io.stderr.write(`planted: ${fault}\n`);
  return EXIT_CLEAN;
};
