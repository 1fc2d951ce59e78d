import { eventTime, formatAmount, type SettlementLine } from '@order-liability/domain';
import type { CaseReport } from './read-case';

const lineText = (line: SettlementLine): string =>
  `  ${line.label.padEnd(24)} ${formatAmount(line.amount, line.currency).padStart(18)}`;

// The event's fields other than the order id, which the heading already shows.
const detailsOf = (data: object): string =>
  JSON.stringify(Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'orderId')));

/**
 * One case as text for a person at Klarna: history, decision (status and liability spelled
 * as the contract spells them), next steps and settlement lines, recomputed and booked.
 * Klarna-internal: the history shows risk notes. Use the merchant view for merchants.
 */
export const formatCase = (report: CaseReport, asOf?: string): string => {
  const { decision, state } = report;
  const lines = [
    `Order ${report.orderId} (stream ${report.streamId})${asOf === undefined ? '' : ` as of ${asOf}`}`,
    '',
    'History',
    ...(report.history.length === 0
      ? ['  (no events)']
      : report.history.map(
          ({ revision, event }) =>
            `  ${String(revision).padStart(3)}  ${eventTime(event)}  ${event.type}  ${detailsOf(event.data)}`,
        )),
    '',
    'Decision',
    `  status:    ${decision.status}`,
    `  liability: ${decision.liability}`,
    `  reasons:   ${decision.reasons.length === 0 ? '(none)' : decision.reasons.join(', ')}`,
    '',
    'Next steps',
    ...(decision.nextSteps.length === 0
      ? ['  (none)']
      : decision.nextSteps.map((step) => `  - ${step.actor}: ${step.action} (${step.rule})`)),
    '',
    'Settlement lines (recomputed)',
    ...(report.recomputed.settlementLines.length === 0
      ? ['  (none)']
      : report.recomputed.settlementLines.map(lineText)),
    '',
    'Settlement booked',
    ...(state.settlements.length === 0
      ? ['  (none)']
      : state.settlements.flatMap((booking) => [
          `  at ${booking.bookedAt}`,
          ...booking.lines.map(lineText),
        ])),
    '',
    'Discrepancies',
    ...(report.discrepancies.length === 0
      ? ['  (none)']
      : report.discrepancies.map((found) => `  ${found.kind}`)),
    '',
  ];
  return lines.join('\n');
};
