import type { Liability, SettlementLine } from '@order-liability/domain';
import type { AuditReport, OrderRow } from './report';

/** Sums of settlement lines of one currency, in minor units. */
export interface LineSums {
  readonly fraudReturn: number;
  readonly fraudPolicy: number;
}

/** Money expected (recomputed) and booked, per currency. */
export interface CurrencyMoney {
  readonly currency: string;
  readonly expected: LineSums;
  readonly booked: LineSums;
}

/** One day or week of stop requests in the main currency. */
export interface PeriodMoney {
  /** The day, or the Monday the week starts, YYYY-MM-DD. */
  readonly period: string;
  readonly orderValue: number;
  readonly expectedPayout: number;
  readonly bookedPayout: number;
}

/** What the HTML report shows in figures and charts, computed from the report and rows. */
export interface HtmlFigures {
  readonly liability: readonly { readonly liability: Liability; readonly orders: number }[];
  readonly kinds: readonly { readonly kind: string; readonly count: number }[];
  readonly money: readonly CurrencyMoney[];
  /** The currency with the most orders, whose periods are charted; '' without orders. */
  readonly mainCurrency: string;
  /** Days when the stop requests span at most 62 days, else weeks. */
  readonly periodKind: 'day' | 'week';
  readonly periods: readonly PeriodMoney[];
}

const LIABILITIES: readonly Liability[] = ['klarna', 'merchant', 'split', 'none', 'undetermined'];
const DAY_MS = 24 * 60 * 60 * 1000;
const DAYS_CHARTED_BY_DAY = 62;

const sumsOf = (
  lines: readonly SettlementLine[],
  into: { fraudReturn: number; fraudPolicy: number },
) => {
  for (const line of lines)
    if (line.kind === 'fraud-return') into.fraudReturn += line.amount;
    else into.fraudPolicy += line.amount;
};

const payoutOf = (lines: readonly SettlementLine[]): number =>
  lines.filter((line) => line.kind === 'fraud-policy').reduce((sum, line) => sum + line.amount, 0);

// The day, or the Monday of the week, of an instant (epoch ms), YYYY-MM-DD.
const periodOf = (millis: number, kind: 'day' | 'week'): string => {
  const day = new Date(millis).getUTCDay();
  const start = kind === 'day' ? millis : millis - ((day + 6) % 7) * DAY_MS;
  return new Date(start).toISOString().slice(0, 10);
};

/** The figures and chart series of an audit, in minor units. */
export const htmlFigures = (report: AuditReport, rows: readonly OrderRow[]): HtmlFigures => {
  const kinds = new Map<string, number>();
  for (const found of report.discrepancies) kinds.set(found.kind, (kinds.get(found.kind) ?? 0) + 1);

  const booked = new Map<string, { fraudReturn: number; fraudPolicy: number }>();
  const ordersByCurrency = new Map<string, number>();
  for (const row of rows) {
    if (row.currency !== '')
      ordersByCurrency.set(row.currency, (ordersByCurrency.get(row.currency) ?? 0) + 1);
    for (const line of row.booked) {
      const sums = booked.get(line.currency) ?? { fraudReturn: 0, fraudPolicy: 0 };
      booked.set(line.currency, sums);
      sumsOf([line], sums);
    }
  }
  const currencies = [...new Set([...Object.keys(report.summary.totals), ...booked.keys()])].sort();
  const money = currencies.map((currency) => ({
    currency,
    expected: report.summary.totals[currency] ?? { fraudReturn: 0, fraudPolicy: 0 },
    booked: booked.get(currency) ?? { fraudReturn: 0, fraudPolicy: 0 },
  }));

  let mainCurrency = '';
  let most = 0;
  for (const [currency, count] of [...ordersByCurrency].sort(([a], [b]) => a.localeCompare(b)))
    if (count > most) [mainCurrency, most] = [currency, count];
  const charted = rows
    .filter((row) => row.currency === mainCurrency)
    .map((row) => ({ row, at: Date.parse(row.requestedAt) }))
    .filter(({ at }) => !Number.isNaN(at));
  const times = charted.map(({ at }) => at);
  const span = times.length === 0 ? 0 : (Math.max(...times) - Math.min(...times)) / DAY_MS;
  const periodKind = span <= DAYS_CHARTED_BY_DAY ? 'day' : 'week';
  const periods = new Map<
    string,
    { orderValue: number; expectedPayout: number; bookedPayout: number }
  >();
  for (const { row, at } of charted) {
    const period = periodOf(at, periodKind);
    const sums = periods.get(period) ?? { orderValue: 0, expectedPayout: 0, bookedPayout: 0 };
    periods.set(period, sums);
    sums.orderValue += row.totalAmount;
    sums.expectedPayout += payoutOf(row.expected);
    sums.bookedPayout += payoutOf(row.booked);
  }
  return {
    liability: LIABILITIES.map((liability) => ({
      liability,
      orders: report.summary.byLiability[liability],
    })),
    kinds: [...kinds].map(([kind, count]) => ({ kind, count })),
    money,
    mainCurrency,
    periodKind,
    periods: [...periods]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, sums]) => ({ period, ...sums })),
  };
};
