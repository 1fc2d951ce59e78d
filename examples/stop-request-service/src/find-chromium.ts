import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * A Chromium for the browser test: CHROMIUM_PATH, else a known install (Jest's global setup,
 * test-setup/, installs Debian's `chromium` when it is missing and the run is root). Returns the
 * executable, or why there is none.
 */
export const findChromium = (): { readonly path: string } | { readonly missing: string } => {
  const given = process.env['CHROMIUM_PATH'];
  if (given !== undefined && given !== '')
    return existsSync(given)
      ? { path: given }
      : { missing: `CHROMIUM_PATH=${given} does not exist` };
  const present = CANDIDATES.find((path) => existsSync(path));
  return present !== undefined
    ? { path: present }
    : {
        missing:
          'no Chromium found: as root on Debian the test setup installs it (apt-get install chromium); or set CHROMIUM_PATH',
      };
};
