import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Where the V8 code cache of a file is kept: beside it. */
export const codeCacheOf = (file: string): string => `${file}.cache`;

const cachedDataOf = (file: string): Buffer | undefined => {
  try {
    return readFileSync(codeCacheOf(file));
  } catch {
    return undefined;
  }
};

// Node's CommonJS wrapper, on the file's first line so that line numbers stay the same; a
// hashbang, allowed only at the very start, becomes a comment.
const wrap = (source: string): string =>
  `(function (exports, require, module, __filename, __dirname) {${source.replace(/^#!/, '//')}\n})`;

/**
 * Runs a CommonJS file as Node's loader would, but compiled with the V8 code cache kept
 * beside it (written by the build, scripts/bundle-cli.mjs): V8 then neither parses the file
 * nor compiles the functions start-up calls, which Node 20, having no module compile cache,
 * does on every run (start-up, issue 15). Without a cache, or with one V8 rejects (another
 * Node version, other V8 flags), the file compiles as usual. Returns the script, so that the
 * build can write its cache after a run.
 */
export const runWithCodeCache = (file: string): Script => {
  const script = new Script(wrap(readFileSync(file, 'utf8')), {
    filename: file,
    cachedData: cachedDataOf(file),
  });
  const run: unknown = script.runInThisContext();
  if (typeof run !== 'function') throw new Error(`${file} did not compile to a function`);
  const module = { exports: {} };
  Reflect.apply(run, module.exports, [
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
  ]);
  return script;
};
