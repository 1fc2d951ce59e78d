import { currencyDigits, formatAmount, type SettlementLine } from '@order-liability/domain';
import type { CaseTimeline } from './case-timeline';
import { chartLibrary } from './chart-library';
import { describeLines } from './describe-lines';
import type { ReportContext } from './format-markdown';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets';
import { type CurrencyMoney, type HtmlFigures, htmlFigures } from './html-figures';
import { escapeHtml, jsonForScript } from './html-text';
import type { AuditResult, Discrepancy, InvalidEntry } from './report';

export interface HtmlContext extends ReportContext {
  /** Timelines of discrepant cases, shown under the findings (the CLI reads them again). */
  readonly timelines?: readonly CaseTimeline[];
  /** How many discrepant orders there were, when only some have a timeline. */
  readonly discrepantOrders?: number;
}

const figure = (label: string, key: string, value: number, alert = false): string =>
  `<div${alert && value > 0 ? ' class="alert"' : ''}><dt>${escapeHtml(label)}</dt><dd data-figure="${key}">${value.toLocaleString('en-US')}</dd></div>`;

const money = (key: string, minor: number, currency: string): string =>
  `<td class="number" data-money="${escapeHtml(key)}" data-sort="${minor}">${escapeHtml(formatAmount(minor, currency))}</td>`;

const moneyRow = ({ currency, expected, booked }: CurrencyMoney): string =>
  `<tr><td>${escapeHtml(currency)}</td>${money(`${currency}-expected-fraudReturn`, expected.fraudReturn, currency)}${money(`${currency}-booked-fraudReturn`, booked.fraudReturn, currency)}${money(`${currency}-expected-fraudPolicy`, expected.fraudPolicy, currency)}${money(`${currency}-booked-fraudPolicy`, booked.fraudPolicy, currency)}${money(`${currency}-difference`, booked.fraudReturn + booked.fraudPolicy - expected.fraudReturn - expected.fraudPolicy, currency)}</tr>`;

const header = (label: string, number = false): string =>
  `<th${number ? ' class="number"' : ''}><button type="button">${escapeHtml(label)}</button></th>`;

const sumOf = (lines: readonly SettlementLine[]): number =>
  lines.reduce((sum, line) => sum + line.amount, 0);

const findingRow = (found: Discrepancy, withTimeline: ReadonlySet<string>): string => {
  const currency = found.expected[0]?.currency ?? found.booked[0]?.currency ?? '';
  const difference = sumOf(found.booked) - sumOf(found.expected);
  const order = escapeHtml(found.orderId);
  return `<tr><td data-sort="${order}">${withTimeline.has(found.orderId) ? `<a href="#case-${encodeURIComponent(found.orderId)}">${order}</a>` : order}</td><td data-sort="${escapeHtml(found.kind)}"><span class="kind">${escapeHtml(found.kind)}</span></td><td>${escapeHtml(describeLines(found.booked))}</td><td>${escapeHtml(describeLines(found.expected))}</td>${currency === '' ? `<td class="number" data-sort="${difference}">${difference}</td>` : money(`difference-${found.orderId}`, difference, currency)}</tr>`;
};

const invalidRow = (entry: InvalidEntry): string =>
  `<tr><td class="number" data-sort="${entry.line ?? -1}">${entry.line ?? ''}</td><td>${escapeHtml(entry.streamId ?? '')}</td><td class="number" data-sort="${entry.revision ?? -1}">${entry.revision ?? ''}</td><td>${escapeHtml(entry.reason)}</td></tr>`;

const timelineBlock = (timeline: CaseTimeline): string =>
  `<article class="case" id="case-${encodeURIComponent(timeline.orderId)}"><h3>Order ${escapeHtml(timeline.orderId)} ${timeline.kinds.map((kind) => `<span class="kind">${escapeHtml(kind)}</span>`).join(' ')}</h3><ol class="timeline">${timeline.steps
    .map(
      (step) =>
        `<li><time>${escapeHtml(step.time)}</time><b>${escapeHtml(step.type)}</b> (revision ${step.revision}) → ${escapeHtml(step.status)} · liability ${escapeHtml(step.liability)} · <span class="rules">${escapeHtml(step.reasons.join(' ') || '(no rule yet)')}</span></li>`,
    )
    .join('')}</ol></article>`;

const table = (id: string, headers: string, rows: readonly string[], empty: string): string =>
  rows.length === 0
    ? `<p class="empty">${escapeHtml(empty)}</p>`
    : `<table id="${id}" class="sortable"><thead><tr>${headers}</tr></thead><tbody>${rows.join('')}</tbody></table>`;

const contextLine = (context: ReportContext): string =>
  [
    ...(context.source === undefined ? [] : [`Source: ${escapeHtml(context.source)}`]),
    ...(context.asOf === undefined ? [] : [`As of: ${escapeHtml(context.asOf)}`]),
    `Policy: ${context.policy === undefined ? 'default' : escapeHtml(context.policy)}`,
  ].join(' · ');

const casesSection = (context: HtmlContext): string => {
  const timelines = context.timelines ?? [];
  const shown =
    context.discrepantOrders !== undefined && context.discrepantOrders > timelines.length
      ? `<p class="empty">The first ${timelines.length} of ${context.discrepantOrders} discrepant orders.</p>`
      : '';
  return timelines.length === 0
    ? '<p class="empty">No timeline: no discrepancy, or a source that cannot be read twice (stdin).</p>'
    : `${shown}${timelines.map(timelineBlock).join('')}`;
};

/**
 * The audit as one self-contained HTML page: summary figures, money expected and booked per
 * currency, charts (liability mix, discrepancies by kind, money at stake by day or week) drawn by
 * Chart.js inlined into the page, sortable tables of the findings and the invalid records,
 * and each discrepant case's history as a timeline with the rules that decided it. Opens
 * without a network. Needs the audit's rows (`rows: true`).
 */
export const formatHtml = (result: AuditResult, context: HtmlContext = {}): string => {
  const { report } = result;
  const { summary } = report;
  const figures: HtmlFigures = htmlFigures(report, result.orders);
  const withTimeline = new Set((context.timelines ?? []).map((timeline) => timeline.orderId));
  const data = {
    figures,
    mainDigits: figures.mainCurrency === '' ? 2 : currencyDigits(figures.mainCurrency),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Order liability audit</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<h1>Order liability audit</h1>
<p class="context">${contextLine(context)}</p>
<dl class="figures">
${figure('Orders', 'orders', summary.orders)}
${figure('Events replayed', 'events', summary.events)}
${figure('Discrepancies', 'discrepancies', summary.discrepancies, true)}
${figure('Invalid records', 'invalid', summary.invalid, true)}
${figures.liability.map(({ liability, orders }) => figure(`Liability ${liability}`, `liability-${liability}`, orders)).join('\n')}
</dl>
<h2>Money, expected (recomputed) and booked</h2>
${table('money', `${header('Currency')}${header('Return expected', true)}${header('Return booked', true)}${header('Policy expected', true)}${header('Policy booked', true)}${header('Booked − expected', true)}`, figures.money.map(moneyRow), 'No settlement lines.')}
<h2>Charts</h2>
<div class="charts">
<figure><figcaption>Liability mix (orders)</figcaption><div class="chart"><canvas id="chart-liability"></canvas></div></figure>
<figure><figcaption>Discrepancies by kind</figcaption><div class="chart"><canvas id="chart-kinds"></canvas></div></figure>
<figure><figcaption>Money at stake by ${figures.periodKind} of the stop request${figures.mainCurrency === '' ? '' : ` (${escapeHtml(figures.mainCurrency)})`}</figcaption><div class="chart"><canvas id="chart-money"></canvas></div></figure>
</div>
<h2>Findings</h2>
${table(
  'findings',
  `${header('Order')}${header('Kind')}${header('Booked')}${header('Expected')}${header('Booked − expected', true)}`,
  report.discrepancies.map((found) => findingRow(found, withTimeline)),
  'None: every booked settlement matches the recomputed decision.',
)}
<h2>Invalid records</h2>
${table('invalid', `${header('Line', true)}${header('Stream')}${header('Revision', true)}${header('Reason')}`, report.invalid.map(invalidRow), 'None.')}
<h2>Discrepant cases, event by event</h2>
${casesSection(context)}
<script>${chartLibrary()}</script>
<script type="application/json" id="audit-data">${jsonForScript(data)}</script>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
};
