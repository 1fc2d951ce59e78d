import {
  assessLiability,
  type Decision,
  type Event,
  formatAmount,
  type OrderState,
} from '@order-liability/domain';

const money = (amount: number | undefined, tax: number | undefined, currency: string): string =>
  amount === undefined
    ? 'the whole order'
    : `${formatAmount(amount, currency)} (VAT ${formatAmount(tax ?? 0, currency)})`;

/** One line a person reads for an event. */
export const describeEvent = (event: Event, currency: string): string => {
  switch (event.type) {
    case 'StopRequested': {
      const d = event.data;
      return `stop requested for order ${d.orderId} of ${d.purchaseKind}, ${money(d.totalAmount, d.totalTaxAmount, d.currency)}`;
    }
    case 'OrderStopped':
      return `merchant confirmed the order stopped (${event.data.method})`;
    case 'ServiceCouldNotBeInterrupted':
      return 'merchant reported a service that cannot be interrupted';
    case 'ShippedWithTracking':
      return `shipped with ${event.data.carrier}, tracking ${event.data.trackingNumber}: ${money(event.data.amount, event.data.taxAmount, currency)}`;
    case 'ShippedWithoutTracking':
      return `shipped WITHOUT tracking${event.data.carrier === undefined ? '' : ` (${event.data.carrier})`}: ${money(event.data.amount, event.data.taxAmount, currency)}`;
    case 'RecallRequested':
      return `recall of ${event.data.trackingNumber} requested by ${event.data.requestedBy}`;
    case 'Returned':
      return `returned: ${event.data.trackingNumber ?? 'every parcel'} (registered in ${event.data.registeredIn})`;
    case 'Disputed':
      return 'customer disputed the invoice';
    case 'InvoiceOverdue':
      return 'invoice overdue';
    case 'InformationRequested':
      return `Klarna asked for information${event.data.topic === undefined ? '' : ` (${event.data.topic})`}`;
    case 'InformationProvided':
      return 'merchant provided the information';
    case 'InvestigationConcluded':
      return `investigation concluded: ${event.data.outcome}`;
    case 'SettlementBooked':
      return `settlement booked (${event.data.lines.length} lines)`;
  }
};

/** The sales note lines, amounts right-aligned as on a Danish settlement report. */
export const salesNote = (decision: Decision): string[] =>
  decision.settlementLines.length === 0
    ? ['  (no lines)']
    : decision.settlementLines.map(
        (line) =>
          `  ${line.label.padEnd(26)}${formatAmount(line.amount, line.currency).padStart(16)}`,
      );

/** Prints a case the way a person reads it: history, decision, next steps, sales note. */
export const printCase = (
  title: string,
  events: readonly Event[],
  state: OrderState,
  log: (line: string) => void,
): Decision => {
  const decision = assessLiability(state);
  const currency = state.stop?.currency ?? '';
  log(`== ${title} ==`);
  log('History:');
  events.forEach((event, i) => {
    log(
      `  ${String(i + 1).padStart(2)}. ${event.type.padEnd(28)} ${describeEvent(event, currency)}`,
    );
  });
  log(
    `Decision: liability ${decision.liability}, status ${decision.status} (${decision.reasons.join(', ')})`,
  );
  log('Next steps:');
  for (const step of decision.nextSteps) log(`  - ${step.actor}: ${step.action} [${step.rule}]`);
  log('Sales note:');
  for (const line of salesNote(decision)) log(line);
  return decision;
};
