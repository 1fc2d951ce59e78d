import { isRecallableCarrier } from './carriers';
import type { SettlementLine } from './events';
import type { NextStep } from './decision';
import { formatAmount } from './money';
import type { Policy } from './policy';
import type { OrderState, ParcelState } from './state';
import type { CaseStatus } from './status';
import { DAY_MS, instantMillis } from './timestamp';

const customerService: NextStep = {
  actor: 'customer',
  action: 'Ask Klarna customer service, not the merchant, about the order',
  rule: 'SR-1',
};

const parcelName = (parcel: ParcelState): string =>
  parcel.carrier === null ? `parcel ${parcel.key}` : `parcel ${parcel.key} (${parcel.carrier})`;

// SR-5 / A-4: who recalls each tracked parcel that is still out.
const recallSteps = (state: OrderState, policy: Policy): NextStep[] =>
  state.parcels
    .filter((p) => p.returnedAt === null && p.trackingNumber !== null)
    .map((parcel): NextStep => {
      if (isRecallableCarrier(parcel.carrier, policy))
        return {
          actor: 'klarna',
          action: `Recall ${parcelName(parcel)} for the merchant`,
          rule: 'SR-5',
        };
      if (
        policy.requireMerchantRecallForOtherCarriers &&
        parcel.recallRequestedByMerchantAt === null
      )
        return {
          actor: 'merchant',
          action: `Recall ${parcelName(parcel)} with the carrier and record the recall (RequestRecall) to keep Klarna's cover`,
          rule: 'A-4',
        };
      return {
        actor: 'merchant',
        action: `Recall ${parcelName(parcel)} with the carrier yourself; Klarna recalls only ${policy.recallableCarriers.join(' and ')} parcels`,
        rule: 'SR-5',
      };
    });

const returnStep: NextStep = {
  actor: 'merchant',
  action:
    "Register every parcel that comes back as returned, in Klarna's portal or your own order system",
  rule: 'SR-8',
};

// SR-6: a parcel shipped without tracking left Klarna's cover; the merchant should know.
const untrackedSteps = (state: OrderState): NextStep[] =>
  state.parcels
    .filter((p) => p.returnedAt === null && p.trackingNumber === null)
    .map((parcel) => ({
      actor: 'merchant',
      action: `Know that ${parcelName(parcel)} was shipped without a tracking number, which breaches the agreement: its loss is yours if the order proves fraudulent`,
      rule: 'SR-6',
    }));

// A-7: information Klarna asked for and has not received.
const informationSteps = (state: OrderState, policy: Policy): NextStep[] =>
  state.informationRequests
    .filter((request) => request.providedAt === null)
    .map((request): NextStep => {
      const about = request.topic === null ? '' : ` about ${request.topic}`;
      const days = policy.informationDeadlineDays;
      const by =
        days === null
          ? ''
          : ` by ${new Date(instantMillis(request.requestedAt) + days * DAY_MS).toISOString()}`;
      return {
        actor: 'merchant',
        action: `Send Klarna the information requested${about}${by}, answering the e-mail`,
        rule: 'A-7',
      };
    });

const describeLines = (lines: readonly SettlementLine[]): string =>
  lines
    .map((line) => `"${line.label}" ${formatAmount(line.amount, line.currency)}`)
    .join(', then ');

const stepsByStatus = (
  state: OrderState,
  status: CaseStatus,
  lines: readonly SettlementLine[],
  policy: Policy,
): NextStep[] => {
  const { stop } = state;
  if (stop === null) return [];
  switch (status) {
    case 'awaiting-merchant-response': {
      const hours = policy.responseDeadlineHours;
      const within = hours === null ? '' : ` within ${hours} hours of the stop request`;
      return [
        {
          actor: 'merchant',
          action:
            stop.purchaseKind === 'service'
              ? `Answer the stop request form${within}: confirm the service was interrupted and the invoice removed, or report that it cannot be interrupted`
              : `Answer the stop request form${within}: confirm the order was stopped (invoice removed or whole order registered as returned), or report carrier and tracking number of every shipped parcel`,
          rule: 'SR-2',
        },
        customerService,
      ];
    }
    case 'stopped':
      return [
        stop.purchaseKind === 'service'
          ? {
              actor: 'merchant',
              action:
                'Keep access to the service closed so that no more invoices are sent; nothing else is needed',
              rule: 'SR-4',
            }
          : {
              actor: 'merchant',
              action:
                'Nothing more: the invoice is removed or the whole order registered as returned, and no claim remains',
              rule: 'SR-3',
            },
      ];
    case 'shipped':
      return [
        ...recallSteps(state, policy),
        ...untrackedSteps(state),
        returnStep,
        {
          actor: 'klarna',
          action:
            'Wait for the customer to dispute the invoice or for it to go unpaid, then investigate',
          rule: 'SR-7',
        },
        customerService,
      ];
    case 'awaiting-dispute':
      return [
        {
          actor: 'merchant',
          action: 'Close access to the service so that no more invoices are sent',
          rule: 'SR-4',
        },
        { actor: 'klarna', action: 'Wait for the customer to dispute the invoice', rule: 'SR-4' },
        customerService,
      ];
    case 'returned':
      return [
        {
          actor: 'merchant',
          action: 'Nothing more: every shipped parcel is back and no claim remains',
          rule: 'SR-8',
        },
      ];
    case 'under-investigation':
      return [
        {
          actor: 'klarna',
          action:
            'Investigate using the form answers; ask the merchant by e-mail if more is needed, help the person affected and assist the police',
          rule: 'SR-7',
        },
        ...recallSteps(state, policy),
        ...(state.parcels.length > 0 ? [returnStep] : []),
        {
          actor: 'merchant',
          action: "Send any further information about the order to Klarna's merchant support",
          rule: 'SR-7',
        },
        customerService,
      ];
    case 'resolved-fraud':
      return lines.length === 0
        ? []
        : [
            {
              actor: 'klarna',
              action: `Book the settlement lines ${describeLines(lines)}`,
              rule: 'SR-9',
            },
            {
              actor: 'merchant',
              action: `Expect ${describeLines(lines)} on the sales note`,
              rule: 'SR-9',
            },
          ];
    case 'resolved-not-fraud':
      return [
        { actor: 'customer', action: 'Pay the invoice: the claim stays with you', rule: 'SR-11' },
      ];
    case 'settled': {
      const find: NextStep[] =
        lines.length === 0
          ? []
          : [
              {
                actor: 'merchant',
                action: `Find ${describeLines(lines)} on the sales note`,
                rule: 'SR-9',
              },
            ];
      return [
        ...find,
        ...state.returnsAfterSettlement.map((late): NextStep => ({
          actor: 'klarna',
          action: `Correct the booked settlement: ${late.trackingNumber === null ? 'every parcel' : `parcel ${late.trackingNumber}`} came back on ${late.returnedAt}, after the booking, and no longer carries a claim`,
          rule: 'SR-8',
        })),
      ];
    }
  }
};

/**
 * Who does what next, for the merchant, Klarna and the customer (the FAQ's questions). Open
 * information requests are the merchant's to answer in every status before the conclusion
 * (A-7).
 */
export const nextStepsFor = (
  state: OrderState,
  status: CaseStatus,
  lines: readonly SettlementLine[],
  policy: Policy,
): NextStep[] => {
  if (state.stop === null) return [];
  const steps = stepsByStatus(state, status, lines, policy);
  // A settled case's steps are the booking's: no policy (A-7's deadline) changes them.
  if (state.conclusion !== null || status === 'settled') return steps;
  const information = informationSteps(state, policy);
  if (information.length === 0) return steps;
  // Klarna's own step first where there is one (under investigation), then what is asked.
  const klarnaFirst = steps[0]?.actor === 'klarna' && status === 'under-investigation' ? 1 : 0;
  return [...steps.slice(0, klarnaFirst), ...information, ...steps.slice(klarnaFirst)];
};
