import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureIo } from '../__fixtures__/cli-io';
import { runCli } from './run-cli';

const { version } = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'),
) as { version: string };

describe('order-liability --version', () => {
  it.each([['--version'], ['-V']])(
    'given %s, then it prints the package version and exits 0',
    async (flag) => {
      const { io, stdout, stderr } = captureIo();

      const code = await runCli([flag], io);

      expect([code, stdout(), stderr()]).toEqual([0, `${version}\n`, '']);
      expect(version).toMatch(/^\d+\.\d+\.\d+/);
    },
  );
});
