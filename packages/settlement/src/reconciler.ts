import type { CaseExpectation } from './expectation';
import { type Finding, findingKinds, type TypedAmount } from './finding';
import { type FraudDetailedType, fraudDetailedTypes } from './fraud-type';
import type { ReconciliationReport, TypeTotals } from './report';
import { occurrencesOf, OrderTransactions } from './order-transactions';
import type { InvalidRow, ReportRow, SettlementTransaction } from './transaction';
import { transactionReference } from './transaction-reference';

/** Reconciles case expectations with settlement report rows, fed one at a time. */
export interface Reconciler {
  /** Adds a case; add every case before the first row. */
  addCase(expectation: CaseExpectation): void;
  /** Takes the next report row. */
  accept(row: ReportRow): void;
  /** Compares and builds the report; call once, after the last row. */
  finish(): ReconciliationReport;
}

const amountKey = (detailedType: FraudDetailedType, currency: string): string =>
  `${detailedType} ${currency}`;

const typeOrder = (type: FraudDetailedType): number => fraudDetailedTypes.indexOf(type);

const byTypeAndCurrency = <T extends { detailedType: FraudDetailedType; currency: string }>(
  a: T,
  b: T,
): number =>
  typeOrder(a.detailedType) - typeOrder(b.detailedType) ||
  (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0);

const detailOrder = (finding: Finding): number =>
  'detailedType' in finding ? typeOrder(finding.detailedType) : -1;

const compareFindings = (a: Finding, b: Finding): number =>
  (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0) ||
  findingKinds.indexOf(a.kind) - findingKinds.indexOf(b.kind) ||
  detailOrder(a) - detailOrder(b);

const uniqueSorted = (values: Iterable<string>): string[] =>
  [...new Set(values)].filter((v) => v !== '').sort();

/** The settled sums of an order per type and currency, each distinct transaction once. */
const actualAmounts = (
  actual: OrderTransactions,
): Map<string, TypedAmount & { payouts: string[] }> => {
  const sums = new Map<string, TypedAmount & { payouts: string[] }>();
  for (const seen of actual.values()) {
    const payouts = occurrencesOf(seen).map((o) => o.payout);
    const key = amountKey(seen.detailedType, seen.currency);
    const sum = sums.get(key);
    if (sum === undefined)
      sums.set(key, {
        detailedType: seen.detailedType,
        currency: seen.currency,
        amount: seen.amount,
        payouts,
      });
    else
      sums.set(key, {
        ...sum,
        amount: sum.amount + seen.amount,
        payouts: [...sum.payouts, ...payouts],
      });
  }
  return sums;
};

const findingsOfOrder = (
  orderId: string,
  expectation: CaseExpectation | undefined,
  actual: OrderTransactions | undefined,
): Finding[] => {
  const rules = expectation?.rules ?? [];
  const expected = expectation?.expected ?? [];
  if (actual === undefined) {
    if (expected.length === 0) return [];
    return [
      {
        kind: 'missing-in-settlement',
        orderId,
        paymentReferences: [],
        rules,
        expected: expected.map(({ detailedType, currency, amount }) => ({
          detailedType,
          currency,
          amount,
        })),
      },
    ];
  }
  const findings: Finding[] = [];
  const sums = actualAmounts(actual);
  const allPayouts = uniqueSorted([...sums.values()].flatMap((sum) => sum.payouts));
  if (expected.length === 0)
    findings.push({
      kind: 'unexpected-in-settlement',
      orderId,
      knownOrder: expectation !== undefined,
      paymentReferences: allPayouts,
      rules,
      actual: [...sums.values()]
        .map(({ detailedType, currency, amount }) => ({ detailedType, currency, amount }))
        .sort(byTypeAndCurrency),
    });
  else {
    const keys = new Set([
      ...expected.map((e) => amountKey(e.detailedType, e.currency)),
      ...sums.keys(),
    ]);
    for (const key of keys) {
      const wanted = expected.find((e) => amountKey(e.detailedType, e.currency) === key);
      const got = sums.get(key);
      const expectedAmount = wanted?.amount ?? 0;
      const actualAmount = got?.amount ?? 0;
      if (expectedAmount === actualAmount) continue;
      const typed = wanted ?? got;
      if (typed === undefined) continue;
      findings.push({
        kind: 'amount-differs',
        orderId,
        detailedType: typed.detailedType,
        currency: typed.currency,
        expected: expectedAmount,
        actual: actualAmount,
        paymentReferences: uniqueSorted(got?.payouts ?? []),
        rules: wanted?.rules ?? rules,
      });
    }
  }
  for (const seen of actual.values()) {
    if (seen.repeats === undefined) continue;
    const occurrences = occurrencesOf(seen);
    findings.push({
      kind: 'duplicate-in-settlement',
      orderId,
      detailedType: seen.detailedType,
      currency: seen.currency,
      amount: seen.amount,
      reference: seen.reference,
      rows: occurrences.map(({ file, line }) => ({ file, line })),
      paymentReferences: uniqueSorted(occurrences.map((o) => o.payout)),
      rules,
    });
  }
  return findings;
};

export interface ReconcilerOptions {
  /** Invalid rows kept in the report; more are counted only. Default 10,000. */
  readonly maxInvalidRows?: number;
}

export const DEFAULT_MAX_INVALID_ROWS = 10_000;

/**
 * Creates a reconciler. Memory holds one small expectation per case and, per order that has
 * fraud transactions, each distinct transaction once: it grows with orders, not with rows.
 *
 * A transaction belongs to a case when its `order_id` or its `merchant_reference1` is the
 * case's order id. Only fraud transactions (see fraudTypeOf) are reconciled; amounts are
 * compared by magnitude. A transaction seen again (same detailed type, currency, amount and
 * reference) is a duplicate: reported once as such, counted in the totals, and left out of the
 * order's amount comparison, so that one repeated row gives one finding.
 */
export const createReconciler = (options: ReconcilerOptions = {}): Reconciler => {
  const maxInvalidRows = options.maxInvalidRows ?? DEFAULT_MAX_INVALID_ROWS;
  let invalid = 0;
  const cases = new Map<string, CaseExpectation>();
  const orders = new Map<string, OrderTransactions>();
  const invalidRows: InvalidRow[] = [];
  const totals = new Map<string, TypeTotals>();
  const addTotal = (
    detailedType: FraudDetailedType,
    currency: string,
    side: 'expected' | 'actual',
    amount: number,
  ): void => {
    const key = amountKey(detailedType, currency);
    const sum = totals.get(key) ?? { detailedType, currency, expected: 0, actual: 0 };
    totals.set(key, { ...sum, [side]: sum[side] + amount });
  };
  let rows = 0;
  let fraudTransactions = 0;
  let ignored = 0;

  const orderOf = (transaction: SettlementTransaction): string => {
    const { orderId, merchantReference1 } = transaction;
    if (orderId !== undefined && cases.has(orderId)) return orderId;
    if (merchantReference1 !== undefined && cases.has(merchantReference1))
      return merchantReference1;
    return orderId ?? merchantReference1 ?? '';
  };

  const acceptFraud = (
    transaction: SettlementTransaction,
    detailedType: FraudDetailedType,
  ): void => {
    fraudTransactions += 1;
    const amount = Math.abs(transaction.amount);
    const { currency } = transaction;
    addTotal(detailedType, currency, 'actual', amount);
    const orderId = orderOf(transaction);
    let actual = orders.get(orderId);
    if (actual === undefined) {
      actual = new OrderTransactions();
      orders.set(orderId, actual);
    }
    actual.add(detailedType, currency, amount, transactionReference(transaction), {
      file: transaction.file,
      line: transaction.line,
      payout: transaction.paymentReference ?? '',
    });
  };

  const accept = (row: ReportRow): void => {
    rows += 1;
    if (row.kind === 'invalid') {
      invalid += 1;
      if (invalidRows.length < maxInvalidRows) invalidRows.push(row.row);
      return;
    }
    const { transaction } = row;
    if (transaction.fraudType === undefined) ignored += 1;
    else acceptFraud(transaction, transaction.fraudType);
  };

  const finish = (): ReconciliationReport => {
    const findings: Finding[] = [];
    let matched = 0;
    let unmatched = 0;
    let casesExpecting = 0;
    const ordersWithFindings = new Set<string>();
    const tally = (
      orderId: string,
      found: readonly Finding[],
      actual: OrderTransactions | undefined,
    ): void => {
      findings.push(...found);
      if (found.length > 0) ordersWithFindings.add(orderId);
      const count = actual?.count ?? 0;
      if (found.length > 0) unmatched += count;
      else matched += count;
    };
    for (const [orderId, expectation] of cases) {
      if (expectation.expected.length > 0) casesExpecting += 1;
      for (const e of expectation.expected)
        addTotal(e.detailedType, e.currency, 'expected', e.amount);
      const actual = orders.get(orderId);
      tally(orderId, findingsOfOrder(orderId, expectation, actual), actual);
    }
    for (const [orderId, actual] of orders) {
      if (!cases.has(orderId)) tally(orderId, findingsOfOrder(orderId, undefined, actual), actual);
    }
    const byType: TypeTotals[] = [...totals.values()].sort(byTypeAndCurrency);
    return {
      findings: findings.sort(compareFindings),
      invalidRows,
      totals: {
        byType,
        rows,
        fraudTransactions,
        ignored,
        invalid,
        matched,
        unmatched,
        casesExpecting,
        ordersWithFindings: ordersWithFindings.size,
      },
    };
  };

  return {
    addCase: (expectation) => {
      cases.set(expectation.orderId, expectation);
    },
    accept,
    finish,
  };
};
