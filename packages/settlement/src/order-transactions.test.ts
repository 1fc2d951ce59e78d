import { occurrencesOf, OrderTransactions } from './order-transactions';

const at = (line: number, payout = 'P-1') => ({ file: 'p.csv', line, payout });

describe('OrderTransactions: each distinct fraud transaction of an order once', () => {
  it('tells transactions apart by type, currency, amount and reference', () => {
    const order = new OrderTransactions();
    order.add('FRAUD_POLICY_CHARGE', 'DKK', 125000, 'D-1', at(2));
    order.add('FRAUD_POLICY_CHARGE', 'DKK', 125000, 'D-2', at(3));
    order.add('FRAUD_POLICY_CHARGE', 'SEK', 125000, 'D-1', at(4));
    order.add('FRAUD_POLICY_CREDIT_NET', 'DKK', 125000, 'D-1', at(5));
    order.add('FRAUD_POLICY_CHARGE', 'DKK', 125000, 'D-1', at(6, 'P-2'));
    expect(order.count).toBe(5);
    expect(order.values().map((t) => occurrencesOf(t).map((o) => o.line))).toEqual([
      [2, 6],
      [3],
      [4],
      [5],
    ]);
  });

  it('finds repeats just the same once an order has many transactions (indexed)', () => {
    const order = new OrderTransactions();
    for (let i = 0; i < 20; i += 1) order.add('REVERSAL', 'DKK', 1000 + i, '', at(i + 2));
    order.add('REVERSAL', 'DKK', 1003, '', at(30, 'P-9'));
    order.add('REVERSAL', 'DKK', 1019, '', at(31, 'P-9'));
    order.add('REVERSAL', 'DKK', 2000, '', at(32));
    expect(order.count).toBe(23);
    expect(order.values()).toHaveLength(21);
    expect(
      order
        .values()
        .filter((t) => t.repeats !== undefined)
        .map((t) => [t.amount, occurrencesOf(t)]),
    ).toEqual([
      [1003, [at(5), at(30, 'P-9')]],
      [1019, [at(21), at(31, 'P-9')]],
    ]);
  });
});
