import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { tempDir } from './__fixtures__/lines';
import { loadPolicyFile, parsePolicy } from './policy-file';

const messageOf = <A>(result: E.Either<{ readonly code: string; readonly message: string }, A>) =>
  E.isLeft(result) ? `${result.left.code}: ${result.left.message}` : 'accepted';

describe('policy files', () => {
  it('decode a partial override of the default policy', () => {
    expect(
      parsePolicy('{"responseDeadlineHours":48,"informationDeadlineDays":null}', 'p.json'),
    ).toEqual(E.right({ responseDeadlineHours: 48, informationDeadlineDays: null }));
  });

  it('refuse what is not JSON, a wrong value and an unknown setting, as usage errors', () => {
    expect(messageOf(parsePolicy('{', 'p.json'))).toMatch(
      /^USAGE: policy file p.json is not JSON: /,
    );
    expect(messageOf(parsePolicy('{"responseDeadlineHours":-1}', 'p.json'))).toBe(
      'USAGE: policy file p.json is not a valid policy: responseDeadlineHours: expected a non-negative number, or null for no limit, got -1',
    );
    expect(messageOf(parsePolicy('{"responseDeadlineHour":48}', 'p.json'))).toBe(
      'USAGE: policy file p.json has an unknown setting "responseDeadlineHour"; known: nonInterruptibleServiceCovered, requireFormResponse, shippedAfterStopRequestIsBreach, requireMerchantRecallForOtherCarriers, recallableCarriers, carrierAliases, responseDeadlineHours, informationDeadlineDays',
    );
  });

  it('are read from disk; a missing one is an IO error', async () => {
    const { dir, remove } = await tempDir();
    try {
      await writeFile(join(dir, 'policy.json'), '{"requireFormResponse":false}');
      expect(await loadPolicyFile(join(dir, 'policy.json'))).toEqual(
        E.right({ requireFormResponse: false }),
      );
      expect(messageOf(await loadPolicyFile(join(dir, 'none.json')))).toMatch(
        /^IO: cannot read policy file .*none\.json: ENOENT/,
      );
    } finally {
      await remove();
    }
  });
});
