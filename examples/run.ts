// `pnpm example [name]`: runs one example (the main one without a name) and prints it,
// building the packages first only when a source changed since the last build (the examples
// run from the sources; the build is for the `order-liability` command they point to).
import { join } from 'node:path';
import { ensureBuilt } from './ensure-built';
import { examples, MAIN_EXAMPLE } from './registry';

const main = async (): Promise<number> => {
  const name = process.argv[2] ?? MAIN_EXAMPLE;
  if (name !== '--list')
    ensureBuilt(join(__dirname, '..'), (line) => {
      process.stderr.write(`${line}\n`);
    });
  if (name === '--list') {
    process.stdout.write(`${Object.keys(examples).join('\n')}\n`);
    return 0;
  }
  const example = examples[name];
  if (example === undefined) {
    process.stderr.write(
      `Unknown example "${name}". Try one of: ${Object.keys(examples).join(', ')}\n`,
    );
    return 2;
  }
  await example((line) => {
    process.stdout.write(`${line}\n`);
  });
  return 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `Example failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
