import { messageTypeParser, positionOfRow, rawStoredEventOfRow } from './message-row';

// The type ids node-postgres passes for the columns the reads select.
const parserOf = messageTypeParser;
const TEXT = 25;
const INT8 = 20;
const XID8 = 5069;
const JSONB = 3802;

describe('message rows', () => {
  it('given int8 and xid8 texts of any length, then they become exact bigints', () => {
    expect(parserOf(INT8)('17')).toBe(17n);
    expect(parserOf(INT8)('-1')).toBe(-1n);
    expect(parserOf(INT8)('999999999999999')).toBe(999_999_999_999_999n);
    expect(parserOf(INT8)('9223372036854775807')).toBe(9_223_372_036_854_775_807n);
    expect(parserOf(XID8)('9007199254740993')).toBe(9_007_199_254_740_993n);
  });

  it('given jsonb that parses, then it is the value; given text that does not, then undefined (INVALID_EVENT later)', () => {
    expect(parserOf(JSONB)('{"orderId":"1"}')).toEqual({ orderId: '1' });
    expect(parserOf(JSONB)('null')).toBeNull();
    expect(parserOf(JSONB)('not json')).toBeUndefined();
    expect(parserOf(TEXT)('order-1')).toBe('order-1');
  });

  const row = ['order-1', 2n, 9000000000000000001n, 17n, 'Disputed', { orderId: '1' }, undefined];

  it('given a converted messages row, then it becomes a raw stored event', () => {
    expect(rawStoredEventOfRow(row)).toEqual({
      streamId: 'order-1',
      revision: 2n,
      position: { commit: 9000000000000000001n, prepare: 17n },
      type: 'Disputed',
      data: { orderId: '1' },
      metadata: undefined,
    });
    expect(positionOfRow(row)).toEqual({ commit: 9000000000000000001n, prepare: 17n });
  });

  it('given a row lacking a column or with text where a bigint is expected, then it is refused', () => {
    expect(rawStoredEventOfRow(['order-1', 2n, 1n, 17n])).toBeUndefined();
    expect(rawStoredEventOfRow(['order-1', '2', 1n, 17n, 'Disputed', {}, {}])).toBeUndefined();
    expect(positionOfRow([null, null, null, null])).toBeUndefined();
  });
});
