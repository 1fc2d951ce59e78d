import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const found = (): string | undefined =>
  [process.env['CHROMIUM_PATH'], ...CANDIDATES].find(
    (path): path is string => path !== undefined && path !== '' && existsSync(path),
  );

/**
 * The system Chromium for browser tests (`CHROMIUM_PATH`, or Debian's `chromium`). The test
 * brings what it needs: when it is missing and the test runs as root (CI, the development
 * machines), Debian's package is installed — about 80 s once. Otherwise it throws saying
 * how to install it.
 */
export const systemChromium = (): string => {
  const present = found();
  if (present !== undefined) return present;
  if (process.getuid?.() === 0) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-q'], { env, stdio: 'ignore', timeout: 300_000 });
    execFileSync('apt-get', ['install', '-y', '-q', 'chromium'], {
      env,
      stdio: 'ignore',
      timeout: 600_000,
    });
  }
  const installed = found();
  if (installed === undefined)
    throw new Error(
      'Chromium is needed for the HTML report test: run `apt-get install -y chromium` as root, or set CHROMIUM_PATH',
    );
  return installed;
};
