// The packages as a service team gets them: every package packed (`pnpm pack`), the tarballs
// installed with npm into a fresh project outside the workspace (no workspace links), then used
// from CommonJS, from ESM with named imports, and from strict TypeScript under the node16 and
// bundler resolutions. Fails on a missing type, a missing export or a test kit on a production
// entry.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeBlocks } from '../docs/snippets/code-blocks';

// Packing, installing and two type checks take some seconds each on a busy machine.
jest.setTimeout(240_000);

const root = join(__dirname, '..');
const packages = ['domain', 'store', 'eventstoredb', 'postgresql', 'settlement', 'audit'];
const tsc = require.resolve('typescript/bin/tsc');

const run = (command: string, args: readonly string[], cwd: string): string =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pnpm = process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm';

interface Manifest {
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly engines?: Record<string, string>;
}

const isTextRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((entry) => typeof entry === 'string');

const readManifest = (path: string): Manifest => {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const field = (name: string): Record<string, string> | undefined => {
    const value: unknown =
      typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, name) : undefined;
    return isTextRecord(value) ? value : undefined;
  };
  const version: unknown =
    typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'version') : undefined;
  return {
    ...(typeof version === 'string' ? { version } : {}),
    dependencies: field('dependencies'),
    peerDependencies: field('peerDependencies'),
    engines: field('engines'),
  };
};

let project: string;
let tarballs: Map<string, string>;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'order-liability-consumer-'));
  const packed = join(project, 'tarballs');
  run(pnpm, ['--filter', './packages/**', '-r', 'pack', '--pack-destination', packed], root);
  tarballs = new Map(
    readdirSync(packed).map((file) => [
      file.replace(/^order-liability-|-\d+\.\d+\.\d+.*$/g, ''),
      join(packed, file),
    ]),
  );
  const dependencies = Object.fromEntries(
    packages.map((name) => [`@order-liability/${name}`, `file:${tarballs.get(name) ?? name}`]),
  );
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      version: '1.0.0',
      private: true,
      dependencies: { ...dependencies, 'fp-ts': '^2.16.11', '@types/node': '^20.19.0' },
    }),
  );
  // Scripts stay off: the test needs no install script of any dependency.
  run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
  for (const file of ['check.cjs', 'check.mjs', 'app.mts'])
    copyFileSync(join(__dirname, 'consumer', file), join(project, file));
}, 240_000);

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('the packed packages, installed from their tarballs into a project of their own', () => {
  it('were packed, one tarball per package', () => {
    expect([...tarballs.keys()].sort()).toEqual([...packages].sort());
  });

  it('ship no tests, fixtures or jest setup, and a README and LICENSE each', () => {
    const contents = Object.fromEntries(
      packages.map((name) => {
        const files = run('tar', ['-tzf', tarballs.get(name) ?? name], project).split('\n');
        return [
          name,
          {
            tests: files.filter((file) =>
              /\.test\.|__fixtures__|jest-global|test-database/.test(file),
            ),
            docs: files.filter((file) => /^package\/(README\.md|LICENSE)$/.test(file)).sort(),
          },
        ];
      }),
    );
    expect(contents).toEqual(
      Object.fromEntries(
        packages.map((name) => [
          name,
          { tests: [], docs: ['package/LICENSE', 'package/README.md'] },
        ]),
      ),
    );
  });

  it('declare what a consumer needs: no gRPC at run time, pg types, fp-ts as a peer', () => {
    const manifest = (name: string): Manifest =>
      readManifest(join(project, 'node_modules', '@order-liability', name, 'package.json'));
    expect({
      eventstoredbRuntime: Object.keys(manifest('eventstoredb').dependencies ?? {}).sort(),
      postgresqlRuntime: Object.keys(manifest('postgresql').dependencies ?? {}).sort(),
      fpTsPeers: packages.filter(
        (name) => manifest(name).peerDependencies?.['fp-ts'] !== undefined,
      ),
      engines: packages.map((name) => manifest(name).engines?.['node']),
    }).toEqual({
      eventstoredbRuntime: [
        '@eventstore/db-client',
        '@order-liability/domain',
        '@order-liability/store',
      ],
      postgresqlRuntime: ['@order-liability/domain', '@order-liability/store', '@types/pg', 'pg'],
      fpTsPeers: ['domain', 'store', 'audit'],
      engines: packages.map(() => '>=20'),
    });
  });

  it('work from CommonJS, with no test kit on a production entry', () => {
    expect(JSON.parse(run(process.execPath, ['check.cjs'], project))).toEqual({
      testKitOnProductionEntries: [],
      writeRawOnProductionClasses: [],
      api: ['function', 'function', 'function', 'function', 'function', 'function'],
      decision: ['awaiting-merchant-response', 'undetermined'],
    });
  });

  it('install the order-liability command, which tells its version', () => {
    const { version } = readManifest(join(root, 'packages', 'audit', 'package.json'));
    expect(
      run(join(project, 'node_modules', '.bin', 'order-liability'), ['--version'], project),
    ).toBe(`${version ?? 'no version'}\n`);
  });

  it('work from ESM with named imports of every entry', () => {
    expect(JSON.parse(run(process.execPath, ['check.mjs'], project))).toEqual({
      decided: 'Right',
      folded: 'awaiting-merchant-response',
      handled: 'awaiting-merchant-response',
      imported: Array.from({ length: 12 }, () => 'function'),
      contractSuiteOnProductionEntry: false,
    });
  });

  it('type-check in a strict TypeScript project (skipLibCheck off) under node16 and bundler resolution, README snippets included', () => {
    mkdirSync(join(project, 'readme'), { recursive: true });
    for (const name of packages) {
      const readme = readFileSync(join(root, 'packages', name, 'README.md'), 'utf8');
      codeBlocks(readme, 'ts').forEach(({ code }, index) => {
        writeFileSync(join(project, 'readme', `${name}-${index}.mts`), code);
      });
    }
    const options = {
      strict: true,
      skipLibCheck: false,
      noEmit: true,
      target: 'ES2022',
      lib: ['ES2022'],
      types: ['node'],
    };
    const outcomes = [
      { module: 'node16', moduleResolution: 'node16' },
      { module: 'esnext', moduleResolution: 'bundler' },
    ].map((resolution) => {
      const config = join(project, `tsconfig.${resolution.moduleResolution}.json`);
      writeFileSync(
        config,
        JSON.stringify({
          compilerOptions: { ...options, ...resolution },
          include: ['app.mts', 'readme'],
        }),
      );
      try {
        run(process.execPath, [tsc, '-p', config], project);
        return [resolution.moduleResolution, 'ok'];
      } catch (error) {
        const stdout =
          error instanceof Error && 'stdout' in error && typeof error.stdout === 'string'
            ? error.stdout
            : String(error);
        return [resolution.moduleResolution, stdout];
      }
    });
    expect(readdirSync(join(project, 'readme')).sort()).toEqual(
      packages.map((name) => `${name}-0.mts`).sort(),
    );
    expect(outcomes).toEqual([
      ['node16', 'ok'],
      ['bundler', 'ok'],
    ]);
  });
});
