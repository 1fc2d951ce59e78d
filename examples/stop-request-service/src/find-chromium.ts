import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * A Chromium for the browser test: CHROMIUM_PATH, else a known install; as root on Debian it is
 * installed with apt-get (package `chromium`) when missing. Returns the executable, or why
 * there is none.
 */
export const findChromium = (): { readonly path: string } | { readonly missing: string } => {
  const given = process.env['CHROMIUM_PATH'];
  if (given !== undefined && given !== '')
    return existsSync(given)
      ? { path: given }
      : { missing: `CHROMIUM_PATH=${given} does not exist` };
  const found = (): string | undefined => CANDIDATES.find((path) => existsSync(path));
  const present = found();
  if (present !== undefined) return { path: present };
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get'))
    return {
      missing: 'no Chromium found and not root on Debian to install it (apt-get install chromium)',
    };
  try {
    const options = {
      stdio: 'ignore',
      timeout: 600_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    } as const;
    execFileSync('apt-get', ['update'], options);
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], options);
  } catch (error) {
    return {
      missing: `apt-get install chromium failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const installed = found();
  return installed === undefined
    ? { missing: 'apt-get installed chromium, but no executable was found' }
    : { path: installed };
};
