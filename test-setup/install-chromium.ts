import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The browser tests (the audit's HTML report, the service's form) drive the system Chromium.
 * On a machine without one, running as root on Debian, Debian's `chromium` is installed here,
 * once, before Jest starts its workers: two tests installing it at the same time would fight
 * over apt's lock. Anywhere else this does nothing, and the tests say what is missing.
 */
export const installChromiumIfMissing = (log: (line: string) => void): void => {
  const given = process.env['CHROMIUM_PATH'];
  if ((given !== undefined && given !== '') || CANDIDATES.some((path) => existsSync(path))) return;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return;
  log('Installing Chromium for the browser tests (apt-get install chromium, once)…');
  const options = {
    stdio: 'ignore',
    timeout: 600_000,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  } as const;
  try {
    execFileSync('apt-get', ['update', '-q'], options);
    execFileSync(
      'apt-get',
      ['install', '-y', '-q', '--no-install-recommends', 'chromium'],
      options,
    );
  } catch (error) {
    // The browser tests report it themselves; the rest of the suite runs all the same.
    log(
      `Chromium could not be installed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
};
