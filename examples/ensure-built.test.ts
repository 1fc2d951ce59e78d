import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, stalePackages } from './ensure-built';

// A workspace with two packages, everything written at `time` seconds.
const workspace = (): {
  readonly root: string;
  readonly touch: (path: string, time: number) => void;
} => {
  const root = mkdtempSync(join(tmpdir(), 'ensure-built-'));
  const touch = (path: string, time: number): void => {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, '');
    utimesSync(full, time, time);
  };
  touch('tsconfig.base.json', 100);
  for (const name of ['domain', 'store']) {
    touch(`packages/${name}/package.json`, 100);
    touch(`packages/${name}/tsconfig.build.json`, 100);
    touch(`packages/${name}/src/index.ts`, 100);
    touch(`packages/${name}/dist/index.js`, 200);
    touch(`packages/${name}/dist/deep/more.js`, 200);
  }
  return { root, touch };
};

describe('ensureBuilt (issue 13)', () => {
  it('builds nothing when every dist is newer than its sources', () => {
    const { root } = workspace();
    let builds = 0;
    expect(
      ensureBuilt(
        root,
        () => undefined,
        () => (builds += 1),
      ),
    ).toBe(false);
    expect(builds).toBe(0);
    rmSync(root, { recursive: true });
  });

  it('names the packages with a newer source, build script, package.json or config, or no dist', () => {
    const { root, touch } = workspace();
    touch('packages/domain/src/deep/rule.ts', 300);
    touch('packages/store/src/store.test.ts', 300);
    expect(stalePackages(root)).toEqual(['domain']);
    touch('packages/store/scripts/bundle-cli.mjs', 300);
    expect(stalePackages(root)).toEqual(['domain', 'store']);
    touch('tsconfig.base.json', 300);
    expect(stalePackages(root)).toEqual(['domain', 'store']);
    rmSync(root, { recursive: true });
  });

  it('builds once when a package has no dist', () => {
    const { root } = workspace();
    rmSync(join(root, 'packages/store/dist'), { recursive: true });
    const said: string[] = [];
    let builds = 0;
    expect(
      ensureBuilt(
        root,
        (line) => said.push(line),
        () => (builds += 1),
      ),
    ).toBe(true);
    expect([builds, said]).toEqual([1, ['building (changed: store)']]);
    rmSync(root, { recursive: true });
  });
});
