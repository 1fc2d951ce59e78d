import {
  formatAmount,
  type OrderState,
  type PolicyOverride,
  resolvePolicy,
  toMerchantView,
} from '@order-liability/domain';
import { allowedAnswers, type AnswerKind, type FormFields, PARCEL_ROWS } from './merchant-answer';

/** What the merchant's page shows: built from the merchant view only (SR-1). */
export interface MerchantPage {
  readonly orderId: string;
  readonly total: string;
  readonly currency: string;
  readonly status: string;
  readonly liability: string;
  readonly deadline: string | undefined;
  readonly reported: readonly string[];
  readonly settlementLines: readonly string[];
  readonly nextSteps: readonly string[];
  readonly options: readonly AnswerKind[];
  readonly isService: boolean;
  readonly rows: readonly number[];
  readonly formAction: string;
  readonly idempotencyKey: string;
  readonly notice: string | undefined;
  readonly formError: string | undefined;
  readonly errors: Readonly<Record<string, string>>;
  readonly value: (name: string) => string;
  readonly checked: (name: string, value: string) => string;
}

const STATUS_TEXT: Readonly<Record<string, string>> = {
  'awaiting-merchant-response': 'Waiting for your answer',
  stopped: 'Stopped',
  shipped: 'Shipped',
  'awaiting-dispute': 'Waiting for a possible dispute by the customer',
  returned: 'Returned',
  'under-investigation': 'Under investigation by Klarna',
  'resolved-fraud': 'Investigation concluded: fraud',
  'resolved-not-fraud': 'Investigation concluded: not fraud',
  settled: 'Settled',
};

const LIABILITY_TEXT: Readonly<Record<string, string>> = {
  undetermined: 'Not yet determined: your answer is needed',
  klarna: 'Klarna',
  merchant: 'You (the merchant)',
  split: 'Split between Klarna and you, parcel by parcel',
  none: 'No one: nothing is at stake',
};

/** "2026-03-03 09:00 UTC" */
const showTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The answer deadline (A-6), while the merchant has not answered. */
const deadlineText = (
  state: OrderState,
  policy: PolicyOverride | undefined,
  now: Date,
): string | undefined => {
  const hours = resolvePolicy(policy).responseDeadlineHours;
  if (state.stop === null || hours === null || allowedAnswers(state).length === 0) return undefined;
  const due = new Date(Date.parse(state.stop.requestedAt) + hours * 3_600_000);
  const when = showTime(due.toISOString());
  return due.getTime() >= now.getTime()
    ? `Please answer by ${when} (${hours} hours after the stop request, A-6) for Klarna to keep the risk responsibility.`
    : `The answer was due by ${when} (${hours} hours after the stop request, A-6). You can still answer, but a late answer does not meet the policy requirements.`;
};

const reportedLines = (state: OrderState, policy: PolicyOverride | undefined): string[] => {
  const view = toMerchantView(state, policy);
  const lines: string[] = [];
  const currency = state.stop?.currency ?? '';
  if (view.reported.stopped !== null)
    lines.push(
      `Stopped at ${showTime(view.reported.stopped.stoppedAt)}: ${view.reported.stopped.method === 'invoice-removed' ? 'invoice removed' : 'registered as returned in your order system'}.`,
    );
  if (view.reported.serviceNotInterruptibleAt !== null)
    lines.push(
      `Service reported as not interruptible at ${showTime(view.reported.serviceNotInterruptibleAt)}.`,
    );
  for (const parcel of view.reported.shipments) {
    const money =
      parcel.amount === null
        ? 'the whole order'
        : `${formatAmount(parcel.amount, currency)} incl. ${formatAmount(parcel.taxAmount ?? 0, currency)} VAT`;
    const tracking =
      parcel.trackingNumber === null
        ? 'without a tracking number'
        : `tracking number ${parcel.trackingNumber}`;
    const returned = parcel.returnedAt === null ? '' : `; returned ${showTime(parcel.returnedAt)}`;
    lines.push(
      `Parcel ${tracking}${parcel.carrier === null ? '' : ` with ${parcel.carrier}`}, shipped ${showTime(parcel.shippedAt)}, ${money}${returned}.`,
    );
  }
  for (const at of view.reported.informationProvidedAt)
    lines.push(`Information provided at ${showTime(at)}.`);
  return lines;
};

export interface MerchantPageInput {
  readonly state: OrderState;
  readonly policy: PolicyOverride | undefined;
  readonly now: Date;
  readonly formAction: string;
  readonly idempotencyKey: string;
  readonly notice?: string;
  readonly formError?: string;
  readonly errors?: Readonly<Record<string, string>>;
  readonly fields?: FormFields;
}

/** The page of one case for its merchant: the merchant view, the deadline and the answers allowed. */
export const merchantPage = (input: MerchantPageInput): MerchantPage => {
  const { state, policy } = input;
  const stop = state.stop;
  const view = toMerchantView(state, policy);
  const currency = stop?.currency ?? '';
  const fields = input.fields ?? {};
  return {
    orderId: view.orderId,
    total: stop === null ? '' : formatAmount(stop.totalAmount, currency),
    currency,
    status: STATUS_TEXT[view.status] ?? view.status,
    liability: LIABILITY_TEXT[view.liability] ?? view.liability,
    deadline: deadlineText(state, policy, input.now),
    reported: reportedLines(state, policy),
    settlementLines: view.settlementLines.map(
      (line) => `${line.label}: ${formatAmount(line.amount, line.currency)}`,
    ),
    nextSteps: view.nextSteps.map((step) => `${step.action} (${step.rule})`),
    options: allowedAnswers(state),
    isService: stop?.purchaseKind === 'service',
    rows: Array.from({ length: PARCEL_ROWS }, (_, i) => i + 1),
    formAction: input.formAction,
    idempotencyKey: input.idempotencyKey,
    notice: input.notice,
    formError: input.formError,
    errors: input.errors ?? {},
    value: (name) => fields[name] ?? '',
    checked: (name, value) => (fields[name] === value ? ' checked' : ''),
  };
};
