import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureIo } from '../__fixtures__/cli-io';
import { runCli } from './run-cli';
import { runProgram } from './run-program';

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

  // runCli prints the version itself when the flag comes alone, so that start-up need not
  // load commander: what it prints must be what commander's own --version prints.
  it.each([['--version'], ['-V']])(
    'given %s, then it prints what the commander program prints for it',
    async (flag) => {
      const alone = captureIo();
      const byCommander = captureIo();

      const codes = [await runCli([flag], alone.io), await runProgram([flag], byCommander.io)];

      expect([codes, alone.stdout(), alone.stderr()]).toEqual([
        [0, 0],
        byCommander.stdout(),
        byCommander.stderr(),
      ]);
    },
  );
});
