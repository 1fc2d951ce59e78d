import { bigintColumn, positionOf, rawStoredEventOf } from './rows';

describe('rows', () => {
  const row = {
    stream_id: 'order-1',
    revision: '2',
    transaction_id: '9000000000000000001',
    global_position: '17',
    type: 'Disputed',
    data: '{"orderId":"1"}',
    metadata: 'not json',
  };

  it('given a messages row with text columns, then it becomes a raw stored event with bigint revision and position', () => {
    expect(rawStoredEventOf(row)).toEqual({
      streamId: 'order-1',
      revision: 2n,
      position: { commit: 9000000000000000001n, prepare: 17n },
      type: 'Disputed',
      data: { orderId: '1' },
      metadata: undefined,
    });
  });

  it('given a row lacking a column or with a number where text is expected, then it is refused', () => {
    expect(rawStoredEventOf({ ...row, type: undefined })).toBeUndefined();
    expect(rawStoredEventOf({ ...row, revision: 2 })).toBeUndefined();
    expect(positionOf({ transaction_id: '1' })).toBeUndefined();
    expect(bigintColumn({ n: '1e3' }, 'n')).toBeUndefined();
    expect(bigintColumn({ n: '-1' }, 'n')).toBe(-1n);
  });
});
