import { parseExportLine } from './parse-line';

describe('parseExportLine', () => {
  it('reads a recorded event, keeping its metadata', () => {
    const text =
      '{"streamId":"order-1","revision":0,"type":"Disputed","data":{"orderId":"1"},"metadata":{"eventId":"x"}}';
    expect(parseExportLine(text, 3)).toEqual({
      kind: 'raw',
      line: 3,
      streamId: 'order-1',
      revision: 0,
      type: 'Disputed',
      data: { orderId: '1' },
      metadata: { eventId: 'x' },
    });
  });

  it('skips a blank line', () => {
    expect(parseExportLine('   ', 1)).toBeUndefined();
  });

  it('reports a line that is not JSON with the start of the line', () => {
    expect(parseExportLine('{"streamId": nope, and then a very long tail of text', 7)).toEqual({
      kind: 'invalid',
      entry: { line: 7, reason: 'not JSON: {"streamId": nope, and then a very long …' },
    });
  });

  it('reports JSON that is not an object', () => {
    expect(parseExportLine('[1,2]', 2)).toEqual({
      kind: 'invalid',
      entry: {
        line: 2,
        reason: 'not a recorded event: expected an object with streamId, revision, type and data',
      },
    });
  });

  it('keeps whatever streamId and revision the line carries', () => {
    expect(parseExportLine('{"revision":4,"type":"Disputed"}', 5)).toEqual({
      kind: 'invalid',
      entry: {
        line: 5,
        revision: 4,
        reason: 'not a recorded event: streamId must be a non-empty string',
      },
    });
    expect(parseExportLine('{"streamId":"order-1","revision":"4"}', 6)).toEqual({
      kind: 'invalid',
      entry: {
        line: 6,
        streamId: 'order-1',
        reason: 'not a recorded event: revision must be a non-negative whole number',
      },
    });
    expect(parseExportLine('{"streamId":"order-1","revision":-1}')).toEqual({
      kind: 'invalid',
      entry: {
        streamId: 'order-1',
        reason: 'not a recorded event: revision must be a non-negative whole number',
      },
    });
  });
});
