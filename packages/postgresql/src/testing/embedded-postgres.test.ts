import { chmod, cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import {
  packagedBinaries,
  sharedBinariesFolder,
  startEmbeddedPostgres,
  type StartEmbeddedPostgresOptions,
} from './embedded-postgres';

jest.setTimeout(120_000);

const settingsOf = async (options: StartEmbeddedPostgresOptions): Promise<string[]> => {
  const server = await startEmbeddedPostgres(options);
  const pool = new Pool({ connectionString: server.connectionString, max: 1 });
  // An idle connection ends when the server stops; that is expected here.
  pool.on('error', () => undefined);
  try {
    const { rows } = await pool.query<{ setting: string }>(
      `SELECT setting FROM pg_settings
       WHERE name IN ('synchronous_commit', 'fsync', 'full_page_writes') ORDER BY name`,
    );
    return rows.map((row) => row.setting);
  } finally {
    await pool.end();
    await server.stop();
  }
};

describe('startEmbeddedPostgres', () => {
  it('given no options, then acknowledged commits are synchronous and fsync is off; with fsync, everything is flushed', async () => {
    // Ordered by name: fsync, full_page_writes, synchronous_commit.
    expect(await settingsOf({})).toEqual(['off', 'off', 'on']);
    expect(await settingsOf({ fsync: true })).toEqual(['on', 'on', 'on']);
  });

  it('given binaries as npm installs them (relative library links) in a folder private to root, and a broken earlier copy, then it starts', async () => {
    const owner = await mkdtemp(join(tmpdir(), 'order-liability-private-'));
    await chmod(owner, 0o700);
    const native = join(owner, 'node_modules', 'native');
    await cp(packagedBinaries(), native, { recursive: true, verbatimSymlinks: true });
    // What the platform package's install script does under npm: libx.so.60 -> libx.so.60.2.
    const lib = join(native, 'lib');
    for (const file of await readdir(lib)) {
      const name = /^(lib.+\.so\.\d+)\.\d+$/.exec(file)?.[1];
      if (name !== undefined) await symlink(file, join(lib, name)).catch(() => undefined);
    }
    // What an earlier version left behind: the binaries without working library links.
    const shared = sharedBinariesFolder(native);
    await mkdir(join(shared, 'bin'), { recursive: true });
    await writeFile(join(shared, 'bin', 'postgres'), '');

    try {
      const server = await startEmbeddedPostgres({ binaries: native });
      const pool = new Pool({ connectionString: server.connectionString, max: 1 });
      pool.on('error', () => undefined);
      const { rows } = await pool.query<{ answer: number }>('SELECT 6 * 7 AS answer');
      await pool.end();
      await server.stop();

      expect(rows).toEqual([{ answer: 42 }]);
    } finally {
      await rm(owner, { recursive: true, force: true });
      await rm(shared, { recursive: true, force: true });
    }
  });
});
