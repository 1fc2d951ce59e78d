import { checkExpectedRevision } from './expected-revision';
import type { ExpectedRevision } from './port';

const outcome = (expected: ExpectedRevision, current: bigint | 'no-stream') => {
  const error = checkExpectedRevision('order-4711', expected, current);
  return error === undefined
    ? 'passes'
    : {
        code: error.code,
        streamId: error.streamId,
        expected: error.expected,
        actual: error.actual,
        message: error.message,
      };
};

describe('checkExpectedRevision', () => {
  it.each<[ExpectedRevision, bigint | 'no-stream']>([
    ['any', 'no-stream'],
    ['any', 7n],
    ['no-stream', 'no-stream'],
    ['stream-exists', 0n],
    [3n, 3n],
  ])('expecting %p of a stream at %p passes', (expected, current) => {
    expect(outcome(expected, current)).toBe('passes');
  });

  it('expecting no-stream of a stream at 2n fails with expected no-stream, actual 2n', () => {
    expect(outcome('no-stream', 2n)).toEqual({
      code: 'WRONG_EXPECTED_VERSION',
      streamId: 'order-4711',
      expected: 'no-stream',
      actual: 2n,
      message:
        'Stream order-4711 was expected at no-stream but is at revision 2. Read the stream again, decide again and retry.',
    });
  });

  it('expecting stream-exists of a missing stream fails with expected 0n, actual no-stream', () => {
    expect(outcome('stream-exists', 'no-stream')).toEqual({
      code: 'WRONG_EXPECTED_VERSION',
      streamId: 'order-4711',
      expected: 0n,
      actual: 'no-stream',
      message:
        "Stream order-4711 was expected to exist but has no events. Request a stop first, or append with expected revision 'no-stream'.",
    });
  });

  it.each<[bigint, bigint | 'no-stream']>([
    [3n, 4n],
    [5n, 4n],
    [0n, 'no-stream'],
  ])('expecting %p of a stream at %p fails with exactly those revisions', (expected, current) => {
    expect(outcome(expected, current)).toMatchObject({
      code: 'WRONG_EXPECTED_VERSION',
      expected,
      actual: current,
    });
  });
});
