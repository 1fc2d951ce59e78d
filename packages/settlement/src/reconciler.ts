import type { CaseExpectation, ExpectedAmount } from './expectation';
import { type Finding, findingKinds, type TypedAmount } from './finding';
import { type FraudDetailedType, fraudDetailedTypes } from './fraud-type';
import type { ReconciliationReport } from './report';
import { occurrencesOf, OrderTransactions, type SeenTransaction } from './order-transactions';
import type { InvalidRow, ReportRow, SettlementTransaction } from './transaction';
import { transactionReference } from './transaction-reference';
import { TypeTotalsTable } from './type-totals-table';

/** Reconciles case expectations with settlement report rows, fed one at a time. */
export interface Reconciler {
  /** Adds a case; add every case before the first row. */
  addCase(expectation: CaseExpectation): void;
  /** Takes the next report row. */
  accept(row: ReportRow): void;
  /** Compares and builds the report; call once, after the last row. */
  finish(): ReconciliationReport;
}

/** A case (when the events have one) and the fraud transactions read for its order. */
interface OrderEntry {
  expectation: CaseExpectation | undefined;
  actual: OrderTransactions | undefined;
}

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

const sameKey = (
  a: { detailedType: FraudDetailedType; currency: string },
  b: { detailedType: FraudDetailedType; currency: string },
): boolean => a.detailedType === b.detailedType && a.currency === b.currency;

/** The settled sum of an order for one type and currency, and the transactions behind it. */
interface ActualSum extends TypedAmount {
  readonly seen: readonly SeenTransaction[];
}

/**
 * The settled sums of an order per type and currency, each distinct transaction once, in the
 * order first seen. An order has a few: a list searched in place, no keys built.
 */
const actualSums = (actual: OrderTransactions): ActualSum[] => {
  const sums: {
    detailedType: FraudDetailedType;
    currency: string;
    amount: number;
    seen: SeenTransaction[];
  }[] = [];
  for (const seen of actual.values()) {
    let sum;
    for (const candidate of sums)
      if (sameKey(candidate, seen)) {
        sum = candidate;
        break;
      }
    if (sum === undefined)
      sums.push({
        detailedType: seen.detailedType,
        currency: seen.currency,
        amount: seen.amount,
        seen: [seen],
      });
    else {
      sum.amount += seen.amount;
      sum.seen.push(seen);
    }
  }
  return sums;
};

/** The payouts of the transactions behind a sum (repeats included), as findings list them. */
const payoutsOf = (seen: readonly SeenTransaction[]): string[] =>
  uniqueSorted(seen.flatMap((t) => occurrencesOf(t).map((o) => o.payout)));

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
  const sums = actualSums(actual);
  if (expected.length === 0)
    findings.push({
      kind: 'unexpected-in-settlement',
      orderId,
      knownOrder: expectation !== undefined,
      paymentReferences: payoutsOf(sums.flatMap((sum) => sum.seen)),
      rules,
      actual: sums
        .map(({ detailedType, currency, amount }) => ({ detailedType, currency, amount }))
        .sort(byTypeAndCurrency),
    });
  else {
    const differs = (wanted: ExpectedAmount | undefined, got: ActualSum | undefined): void => {
      const expectedAmount = wanted?.amount ?? 0;
      const actualAmount = got?.amount ?? 0;
      if (expectedAmount === actualAmount) return;
      const typed = wanted ?? got;
      if (typed === undefined) return;
      findings.push({
        kind: 'amount-differs',
        orderId,
        detailedType: typed.detailedType,
        currency: typed.currency,
        expected: expectedAmount,
        actual: actualAmount,
        paymentReferences: payoutsOf(got?.seen ?? []),
        rules: wanted?.rules ?? rules,
      });
    };
    // Each type and currency once: the expected ones in their order (the first of any
    // repeated), then the settled ones nothing expected.
    expected.forEach((wanted, index) => {
      if (expected.findIndex((other) => sameKey(other, wanted)) !== index) return;
      differs(
        wanted,
        sums.find((sum) => sameKey(sum, wanted)),
      );
    });
    for (const got of sums)
      if (!expected.some((wanted) => sameKey(wanted, got))) differs(undefined, got);
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
  // Cases and the orders of the reports in one table: a row finds its order's case and its
  // transactions in one lookup.
  const orders = new Map<string, OrderEntry>();
  const invalidRows: InvalidRow[] = [];
  const totals = new TypeTotalsTable();
  let rows = 0;
  let fraudTransactions = 0;
  let ignored = 0;

  const entryOf = (orderId: string): OrderEntry => {
    let entry = orders.get(orderId);
    if (entry === undefined) {
      entry = { expectation: undefined, actual: undefined };
      orders.set(orderId, entry);
    }
    return entry;
  };

  /** The order of a transaction: a case's by order_id, else by merchant_reference1, else its own. */
  const orderOf = (transaction: SettlementTransaction): OrderEntry => {
    const { orderId, merchantReference1 } = transaction;
    const byOrderId = orderId === undefined ? undefined : orders.get(orderId);
    if (byOrderId?.expectation !== undefined) return byOrderId;
    const byReference =
      merchantReference1 === undefined ? undefined : orders.get(merchantReference1);
    if (byReference?.expectation !== undefined) return byReference;
    // An order no case has, known by its order id, else its reference, else by nothing ('').
    if (orderId !== undefined) return byOrderId ?? entryOf(orderId);
    if (merchantReference1 !== undefined) return byReference ?? entryOf(merchantReference1);
    return entryOf('');
  };

  const acceptFraud = (
    transaction: SettlementTransaction,
    detailedType: FraudDetailedType,
  ): void => {
    fraudTransactions += 1;
    const amount = Math.abs(transaction.amount);
    const { currency } = transaction;
    totals.add(detailedType, currency, 'actual', amount);
    const entry = orderOf(transaction);
    const actual = (entry.actual ??= new OrderTransactions());
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
    let ordersWithFindings = 0;
    for (const [orderId, { expectation, actual }] of orders) {
      if (expectation !== undefined) {
        if (expectation.expected.length > 0) casesExpecting += 1;
        for (const e of expectation.expected)
          totals.add(e.detailedType, e.currency, 'expected', e.amount);
      }
      const found = findingsOfOrder(orderId, expectation, actual);
      findings.push(...found);
      const count = actual?.count ?? 0;
      if (found.length > 0) {
        ordersWithFindings += 1;
        unmatched += count;
      } else matched += count;
    }
    return {
      findings: findings.sort(compareFindings),
      invalidRows,
      totals: {
        byType: totals.list(),
        rows,
        fraudTransactions,
        ignored,
        invalid,
        matched,
        unmatched,
        casesExpecting,
        ordersWithFindings,
      },
    };
  };

  return {
    addCase: (expectation) => {
      entryOf(expectation.orderId).expectation = expectation;
    },
    accept,
    finish,
  };
};
