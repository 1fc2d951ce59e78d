// `pnpm example` builds the packages only when a source is newer than what was built: with
// nothing changed it starts at once instead of rebuilding every package (~40 s).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
    : [];

// What tsconfig.build.json compiles: sources, not tests or fixtures.
const isBuiltSource = (path: string): boolean =>
  path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.includes('__fixtures__');

const mtimeOf = (path: string): number => (existsSync(path) ? statSync(path).mtimeMs : 0);

/**
 * The packages under `root`/packages whose dist is missing or older than one of their
 * sources, their build scripts (scripts/), their package.json, their tsconfig.build.json or the
 * shared tsconfig.base.json.
 */
export const stalePackages = (root: string): string[] => {
  const packages = join(root, 'packages');
  const shared = mtimeOf(join(root, 'tsconfig.base.json'));
  return readdirSync(packages)
    .filter((name) => existsSync(join(packages, name, 'tsconfig.build.json')))
    .filter((name) => {
      const dir = join(packages, name);
      const outputs = filesUnder(join(dir, 'dist')).filter((path) => path.endsWith('.js'));
      if (outputs.length === 0) return true;
      const built = Math.min(...outputs.map(mtimeOf));
      const inputs = [
        ...filesUnder(join(dir, 'src')).filter(isBuiltSource),
        // Build steps after tsc (the audit's start-up bundle and its code cache).
        ...filesUnder(join(dir, 'scripts')),
        join(dir, 'package.json'),
        join(dir, 'tsconfig.build.json'),
      ];
      return Math.max(shared, ...inputs.map(mtimeOf)) > built;
    });
};

/** Builds every package (`pnpm -s build`) when one is stale; says which, or nothing. */
export const ensureBuilt = (
  root: string,
  log: (line: string) => void,
  build: () => void = () => {
    execFileSync('pnpm', ['-s', 'build'], { cwd: root, stdio: 'inherit' });
  },
): boolean => {
  const stale = stalePackages(root);
  if (stale.length === 0) return false;
  log(`building (changed: ${stale.join(', ')})`);
  build();
  return true;
};
