import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { tempDir } from '../__fixtures__/lines';

// Start-up without timings: the built `order-liability` (what `pnpm test` builds before Jest)
// runs in a child process with a preload that writes, at exit, every module Node loaded.
// `--help` and `--version` must load the command line's wiring and commander only; a command
// loads what it uses and no database client it does not. The bin runs one bundle of the
// start-up path (scripts/bundle-cli.mjs) through code-cache.js, with vm.Script, so that
// require.cache does not list it: the bundle and the modules inside it count as loaded with
// code-cache.js.
const ROOT = resolve(__dirname, '../../../..');
const AUDIT = join(ROOT, 'packages/audit');
const BIN = join(AUDIT, 'bin/order-liability.js');
const RUNNER = join(AUDIT, 'dist/cli/code-cache.js');
const BUNDLE = join(AUDIT, 'dist/cli/main.js');

// What a command may load only when it uses it: the adapters, their database clients and the
// gRPC stack, the domain and its decoders, the reconciliation, report and progress libraries.
const HEAVY = [
  '@eventstore/db-client',
  '@kurrent/kurrentdb-client',
  '@grpc/grpc-js',
  'google-protobuf',
  'pg',
  '@order-liability/eventstoredb',
  '@order-liability/postgresql',
  '@order-liability/settlement',
  '@order-liability/store',
  '@order-liability/domain',
  'csv-parse',
  'chart.js',
  'cli-progress',
  'io-ts',
  'fp-ts',
  'immer',
  'uuid',
];

const PRELOAD = `
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache)));
});
`;

// A module's package: ours by its folder under packages/, others by their last node_modules.
const packageOf = (path: string): string => {
  const installed = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (installed?.[1] !== undefined) return installed[1];
  const ours = /\/packages\/([^/]+)\//.exec(path);
  return ours?.[1] === undefined ? path : `@order-liability/${ours[1]}`;
};

let dir = '';
let removeDir: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  await writeFile(join(dir, 'preload.js'), PRELOAD);
});

afterAll(() => removeDir());

// The modules esbuild put into the bundle: it heads each with a comment naming its path,
// relative to the package folder it ran in.
const insideBundle = async (): Promise<string[]> =>
  [...(await readFile(BUNDLE, 'utf8')).matchAll(/^\/\/ (\S+\.js)$/gm)].map((match) =>
    resolve(AUDIT, match[1] ?? ''),
  );

interface Loaded {
  readonly code: number;
  /** The files Node loaded, relative to the repository. */
  readonly files: string[];
  /** The packages of those files and of the modules inside a loaded bundle. */
  readonly packages: string[];
}

/** Runs the built command line; resolves with its exit code and what it loaded. */
const loadedBy = (...args: string[]): Promise<Loaded> =>
  new Promise((done, fail) => {
    const file = join(dir, 'loaded.json');
    execFile(
      process.execPath,
      ['-r', join(dir, 'preload.js'), BIN, ...args],
      { cwd: dir, env: { ...process.env, NODE_OPTIONS: '', LOADED_MODULES_FILE: file } },
      (error) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        Promise.all([readFile(file, 'utf8'), insideBundle()]).then(([text, bundled]) => {
          const paths: unknown = JSON.parse(text);
          const loaded = (Array.isArray(paths) ? paths.map(String) : []).filter(
            (path) => !path.startsWith(dir),
          );
          const modules = loaded.includes(RUNNER) ? [...loaded, BUNDLE, ...bundled] : loaded;
          done({
            code,
            files: loaded.map((path) => relative(ROOT, path)),
            packages: [...new Set(modules.map(packageOf))].sort(),
          });
        }, fail);
      },
    );
  });

describe('what order-liability loads', () => {
  it.each(['--help', '--version', 'audit --help', 'reconcile --help'])(
    'given %s, then only the wiring and commander, no adapter, client or domain',
    async (line) => {
      const { code, packages } = await loadedBy(...line.split(' '));

      expect(code).toBe(0);
      expect(packages).toEqual(['@order-liability/audit', 'commander']);
      expect(HEAVY.filter((name) => packages.includes(name))).toEqual([]);
    },
    30_000,
  );

  it.each(['--help', '--version', 'audit --help'])(
    'given %s, then Node loads two modules: the bin and what runs the start-up bundle',
    async (line) => {
      const { code, files } = await loadedBy(...line.split(' '));

      expect(code).toBe(0);
      expect(files).toEqual([
        'packages/audit/bin/order-liability.js',
        'packages/audit/dist/cli/code-cache.js',
      ]);
    },
    30_000,
  );

  // A file command needs neither an adapter, a database client nor the reconciliation.
  const STORE_AND_RECONCILIATION = [
    '@eventstore/db-client',
    '@kurrent/kurrentdb-client',
    '@grpc/grpc-js',
    'pg',
    '@order-liability/eventstoredb',
    '@order-liability/postgresql',
    '@order-liability/settlement',
  ];

  it('given generate and then an audit of the file, then the domain is loaded but no adapter, database client or reconciliation', async () => {
    const generated = await loadedBy(
      'generate',
      '--orders',
      '3',
      '--output',
      join(dir, 'events.jsonl'),
    );
    const audited = await loadedBy('audit', '--input', join(dir, 'events.jsonl'));

    expect([generated.code, audited.code]).toEqual([0, 0]);
    // What a command loads on use is recorded too: the generator decides with the domain.
    expect(generated.packages).toContain('@order-liability/domain');
    expect(STORE_AND_RECONCILIATION.filter((name) => generated.packages.includes(name))).toEqual(
      [],
    );
    expect(STORE_AND_RECONCILIATION.filter((name) => audited.packages.includes(name))).toEqual([]);
  }, 30_000);

  it('given a PostgreSQL store, then its adapter and pg but no EventStoreDB client', async () => {
    // Nothing listens on port 1: the export fails at once (exit 2) after opening the store.
    const { code, packages } = await loadedBy(
      'export',
      '--postgres',
      'postgres://auditor@127.0.0.1:1/orders',
      '--output',
      join(dir, 'exported.jsonl'),
    );

    expect(code).toBe(2);
    expect(STORE_AND_RECONCILIATION.filter((name) => packages.includes(name))).toEqual([
      'pg',
      '@order-liability/postgresql',
    ]);
  }, 30_000);
});
