import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const found = (): string | undefined =>
  [process.env['CHROMIUM_PATH'], ...CANDIDATES].find(
    (path): path is string => path !== undefined && path !== '' && existsSync(path),
  );

/**
 * The system Chromium for browser tests (`CHROMIUM_PATH`, or Debian's `chromium`). Jest's
 * global setup (test-setup/) installs it first when it is missing and the run is root; here it
 * is only found, or the test says how to get it.
 */
export const systemChromium = (): string => {
  const present = found();
  if (present === undefined)
    throw new Error(
      'Chromium is needed for the HTML report test: run `apt-get install -y chromium` as root, or set CHROMIUM_PATH',
    );
  return present;
};
