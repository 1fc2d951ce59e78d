import { bigintColumn, positionOf } from './rows';

describe('rows of the append function', () => {
  it('given text number columns, then the position and revision become bigints', () => {
    const row = { revision: '2', transaction_id: '9000000000000000001', global_position: '17' };
    expect(bigintColumn(row, 'revision')).toBe(2n);
    expect(positionOf(row)).toEqual({ commit: 9000000000000000001n, prepare: 17n });
  });

  it('given a row lacking a column or with a number where text is expected, then it is refused', () => {
    expect(positionOf({ transaction_id: '1' })).toBeUndefined();
    expect(bigintColumn({ n: 2 }, 'n')).toBeUndefined();
    expect(bigintColumn({ n: '1e3' }, 'n')).toBeUndefined();
    expect(bigintColumn({ n: '-1' }, 'n')).toBe(-1n);
  });
});
