import { type Command, type OrderState, parseInstant } from '@order-liability/domain';
import { parseAmountInput } from './money-input';

/** The answers the form offers (SR-3, SR-4, SR-5, SR-6). */
export type AnswerKind =
  'stopped' | 'service-not-interruptible' | 'shipped' | 'shipped-without-tracking';

/** How many parcel rows the form shows (a page without JavaScript cannot add rows). */
export const PARCEL_ROWS = 3;

/** The form's fields as posted (application/x-www-form-urlencoded), by name. */
export type FormFields = Readonly<Record<string, string | undefined>>;

/** One command of an answer, and the form field a refusal of it is shown beside. */
export interface AnswerCommand {
  readonly command: Command;
  /** The field for an amount refusal, and the row's field for any other refusal. */
  readonly amountField: string | undefined;
  readonly rowField: string;
}

export type ParsedAnswer =
  | { readonly ok: true; readonly commands: readonly AnswerCommand[] }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/** The answers a case allows: none once answered, concluded or settled (SR-2). */
export const allowedAnswers = (state: OrderState): readonly AnswerKind[] => {
  const stop = state.stop;
  if (stop === null) return [];
  const answered =
    state.stopped !== null || state.serviceNotInterruptibleAt !== null || state.parcels.length > 0;
  if (answered || state.conclusion !== null || state.settlements.length > 0) return [];
  return stop.purchaseKind === 'service'
    ? ['stopped', 'service-not-interruptible']
    : ['stopped', 'shipped', 'shipped-without-tracking'];
};

const text = (fields: FormFields, name: string): string => (fields[name] ?? '').trim();

/** "2026-03-01T14:30" (a datetime-local input, read as UTC) → "2026-03-01T14:30:00Z". */
export const parseTimeInput = (value: string): string | undefined => {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?$/.exec(value);
  if (match === null) return undefined;
  const iso = `${match[1] ?? ''}T${match[2] ?? ''}${match[3] ?? ':00'}Z`;
  return parseInstant(iso) === undefined ? undefined : iso;
};

interface Money {
  readonly amount?: number;
  readonly taxAmount?: number;
}

const readMoney = (
  fields: FormFields,
  amountName: string,
  taxName: string,
  currency: string,
  errors: Record<string, string>,
): Money => {
  const amountText = text(fields, amountName);
  const taxText = text(fields, taxName);
  if (amountText === '' && taxText === '') return {};
  const amount = parseAmountInput(amountText, currency);
  const taxAmount = parseAmountInput(taxText, currency);
  if (amount === undefined)
    errors[amountName] = `Enter the parcel's amount including VAT in ${currency}, e.g. 625,00.`;
  if (taxAmount === undefined)
    errors[taxName] =
      `Enter the VAT included in the amount in ${currency}, e.g. 125,00 (0 if none).`;
  return amount === undefined || taxAmount === undefined ? {} : { amount, taxAmount };
};

const readShippedAt = (
  fields: FormFields,
  name: string,
  errors: Record<string, string>,
): string => {
  const value = text(fields, name);
  const iso = parseTimeInput(value);
  if (iso === undefined)
    errors[name] =
      value === ''
        ? 'Enter when the parcel was shipped (UTC).'
        : 'Enter the shipping time as a date and time, e.g. 2026-03-01 14:30 (UTC).';
  return iso ?? '';
};

/**
 * Turns a posted form into the commands of the merchant's answer, or the problems to show
 * beside the fields. `now` is the answer's time (reportedAt / stoppedAt).
 */
export const parseAnswer = (fields: FormFields, state: OrderState, now: string): ParsedAnswer => {
  const stop = state.stop;
  const errors: Record<string, string> = {};
  const answer = text(fields, 'answer');
  const allowed: readonly string[] = allowedAnswers(state);
  if (stop === null || !allowed.includes(answer))
    return { ok: false, errors: { answer: 'Choose one of the answers shown.' } };
  const orderId = stop.orderId;
  const single = (command: Command, rowField: string): ParsedAnswer => ({
    ok: true,
    commands: [{ command, amountField: undefined, rowField }],
  });
  if (answer === 'stopped') {
    const method = text(fields, 'stoppedMethod');
    if (method !== 'invoice-removed' && method !== 'returned-in-order-system')
      return {
        ok: false,
        errors: {
          stoppedMethod:
            'Say how the order was stopped: invoice removed, or the whole order registered as returned.',
        },
      };
    return single({ type: 'ConfirmStopped', data: { orderId, stoppedAt: now, method } }, 'answer');
  }
  if (answer === 'service-not-interruptible')
    return single(
      { type: 'ReportServiceNotInterruptible', data: { orderId, reportedAt: now } },
      'answer',
    );
  if (answer === 'shipped-without-tracking') {
    const shippedAt = readShippedAt(fields, 'untrackedShippedAt', errors);
    const money = readMoney(fields, 'untrackedAmount', 'untrackedTaxAmount', stop.currency, errors);
    const carrier = text(fields, 'untrackedCarrier');
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return {
      ok: true,
      commands: [
        {
          command: {
            type: 'ReportShipment',
            data: {
              orderId,
              ...(carrier === '' ? {} : { carrier }),
              shippedAt,
              reportedAt: now,
              ...money,
            },
          },
          amountField: 'untrackedAmount',
          rowField: 'untrackedShippedAt',
        },
      ],
    };
  }
  const commands: AnswerCommand[] = [];
  for (let row = 1; row <= PARCEL_ROWS; row++) {
    const names = ['carrier', 'trackingNumber', 'shippedAt', 'amount', 'taxAmount'].map(
      (n) => `${n}${row}`,
    );
    if (names.every((name) => text(fields, name) === '')) continue;
    const carrier = text(fields, `carrier${row}`);
    const trackingNumber = text(fields, `trackingNumber${row}`);
    if (carrier === '') errors[`carrier${row}`] = 'Enter the carrier (e.g. PostNord).';
    if (trackingNumber === '')
      errors[`trackingNumber${row}`] =
        'Enter the tracking number, or choose "Shipped without a tracking number" (SR-6).';
    const shippedAt = readShippedAt(fields, `shippedAt${row}`, errors);
    const money = readMoney(fields, `amount${row}`, `taxAmount${row}`, stop.currency, errors);
    const collected = fields[`collected${row}`] === 'yes';
    commands.push({
      command: {
        type: 'ReportShipment',
        data: {
          orderId,
          carrier,
          trackingNumber,
          shippedAt,
          reportedAt: now,
          ...money,
          ...(collected ? { collected: true } : {}),
        },
      },
      amountField: `amount${row}`,
      rowField: `trackingNumber${row}`,
    });
  }
  if (commands.length === 0 && Object.keys(errors).length === 0)
    errors['carrier1'] =
      'Enter at least one parcel: carrier, tracking number and when it was shipped.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, commands };
};
