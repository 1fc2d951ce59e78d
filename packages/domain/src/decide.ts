import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { recomputeDecision } from './assess';
import { alreadyConcluded, orderStopped, stopAlreadyRequested } from './case-refusals';
import type { Command, CommandOf } from './commands';
import { decodeCommand } from './decode';
import { currencyMismatch, decideShipment } from './decide-shipment';
import { type DomainError, type DomainErrorCode, domainError } from './errors';
import type { Event } from './events';
import { type PolicyOverride, resolvePolicy } from './policy';
import type { OrderState, StopDetails } from './state';
import { instantMillis } from './timestamp';

const reject = (code: DomainErrorCode, message: string): E.Either<DomainError, Event[]> =>
  E.left(domainError(code, message));

const accept = (...events: Event[]): E.Either<DomainError, Event[]> => E.right(events);

const firstError = (...checks: (DomainError | undefined)[]): DomainError | undefined =>
  checks.find((c) => c !== undefined);

const guarded = (
  error: DomainError | undefined,
  decideEvents: () => E.Either<DomainError, Event[]>,
): E.Either<DomainError, Event[]> => (error === undefined ? decideEvents() : E.left(error));

// A-6 measures answers from the stop request; one dated before it cannot be an answer to it.
const answeredBeforeRequest = (reportedAt: string, stop: StopDetails): DomainError | undefined =>
  instantMillis(reportedAt) < instantMillis(stop.requestedAt)
    ? domainError(
        'INVALID_COMMAND',
        `reportedAt ${reportedAt} is before the stop request at ${stop.requestedAt}. Send the time the answer was given.`,
      )
    : undefined;

// SR-4 / A-1: the form's "cannot be interrupted" answer, however it was sent.
const decideServiceAnswer = (
  data: CommandOf<'ReportServiceNotInterruptible'>['data'],
  state: OrderState,
  stop: StopDetails,
): E.Either<DomainError, Event[]> =>
  guarded(
    firstError(
      alreadyConcluded(state),
      stop.purchaseKind === 'service'
        ? undefined
        : domainError(
            'NOT_A_SERVICE',
            'The order is for goods, not a service. Confirm it stopped, or report its shipment with carrier and tracking number.',
          ),
      orderStopped(state),
      state.serviceNotInterruptibleAt === null
        ? undefined
        : domainError(
            'INVALID_COMMAND',
            `The service was already reported as not interruptible at ${state.serviceNotInterruptibleAt}; nothing more is needed.`,
          ),
      answeredBeforeRequest(data.reportedAt, stop),
    ),
    () =>
      accept({
        type: 'ServiceCouldNotBeInterrupted',
        data: { orderId: data.orderId, reportedAt: data.reportedAt },
      }),
  );

const isBlank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

const decideOnCase = (
  command: Exclude<Command, { type: 'RequestStop' }>,
  state: OrderState,
  stop: StopDetails,
  policy: PolicyOverride | undefined,
): E.Either<DomainError, Event[]> => {
  switch (command.type) {
    case 'ConfirmStopped':
      return guarded(
        firstError(
          alreadyConcluded(state),
          state.parcels.length > 0
            ? domainError(
                'ALREADY_SHIPPED',
                'Parcels of this order are already reported as shipped, so it cannot be stopped. Register returned parcels with RegisterReturn instead.',
              )
            : undefined,
          orderStopped(state),
        ),
        () => accept({ type: 'OrderStopped', data: command.data }),
      );
    case 'ReportServiceNotInterruptible':
      return decideServiceAnswer(command.data, state, stop);
    case 'ReportShipment': {
      const mismatch = currencyMismatch(command.data.currency, stop);
      if (mismatch !== undefined) return E.left(mismatch);
      // Klarna's form offers a non-interruptible service only "shipped, no tracking ID".
      if (stop.purchaseKind === 'service' && isBlank(command.data.trackingNumber))
        return decideServiceAnswer(command.data, state, stop);
      return guarded(
        firstError(
          alreadyConcluded(state),
          orderStopped(state),
          answeredBeforeRequest(command.data.reportedAt, stop),
        ),
        () => decideShipment(command.data, state, stop, resolvePolicy(policy)),
      );
    }
    case 'RequestRecall': {
      const { trackingNumber } = command.data;
      const parcel = state.parcels.find((p) => p.trackingNumber === trackingNumber);
      return guarded(
        firstError(
          alreadyConcluded(state),
          orderStopped(state),
          parcel === undefined
            ? domainError(
                'UNKNOWN_PARCEL',
                `No parcel with tracking number ${trackingNumber} was reported. Report the shipment first, or check the number.`,
              )
            : undefined,
          parcel?.returnedAt != null
            ? domainError(
                'INVALID_COMMAND',
                `Parcel ${trackingNumber} is already back; there is nothing to recall.`,
              )
            : undefined,
        ),
        () => accept({ type: 'RecallRequested', data: command.data }),
      );
    }
    case 'RegisterReturn': {
      const { trackingNumber } = command.data;
      const lateReturns = state.returnsAfterSettlement;
      const backAfterBooking = (key: string): boolean =>
        lateReturns.some((late) => late.trackingNumber === null || late.trackingNumber === key);
      const outstanding = state.parcels.filter(
        (p) =>
          p.returnedAt === null &&
          !backAfterBooking(p.key) &&
          (trackingNumber === undefined || p.key === trackingNumber),
      );
      const known =
        trackingNumber === undefined || state.parcels.some((p) => p.key === trackingNumber);
      return guarded(
        firstError(
          orderStopped(state),
          state.parcels.length === 0
            ? domainError(
                'UNKNOWN_PARCEL',
                'No parcel of this order was reported as shipped. If the order never left, confirm it stopped with ConfirmStopped.',
              )
            : undefined,
          known
            ? undefined
            : domainError(
                'UNKNOWN_PARCEL',
                `No parcel ${trackingNumber} was reported. Use the tracking number, or #n (its position) for a parcel without one.`,
              ),
          outstanding.length === 0
            ? domainError(
                'INVALID_COMMAND',
                'Every parcel named is already registered as returned; nothing to do.',
              )
            : undefined,
        ),
        () => accept({ type: 'Returned', data: command.data }),
      );
    }
    case 'RecordDispute':
      return guarded(firstError(alreadyConcluded(state), orderStopped(state)), () =>
        accept({ type: 'Disputed', data: command.data }),
      );
    case 'RecordInvoiceOverdue':
      return guarded(firstError(alreadyConcluded(state), orderStopped(state)), () =>
        accept({ type: 'InvoiceOverdue', data: command.data }),
      );
    case 'RequestInformation':
      return guarded(firstError(alreadyConcluded(state), orderStopped(state)), () =>
        accept({ type: 'InformationRequested', data: command.data }),
      );
    case 'ProvideInformation':
      return guarded(
        firstError(
          alreadyConcluded(state),
          state.informationRequests.some((r) => r.providedAt === null)
            ? undefined
            : domainError(
                'INVALID_COMMAND',
                "Klarna has not asked for information on this order. Send anything else to Klarna's merchant support.",
              ),
        ),
        () => accept({ type: 'InformationProvided', data: command.data }),
      );
    case 'ConcludeInvestigation':
      return guarded(firstError(alreadyConcluded(state), orderStopped(state)), () =>
        accept({ type: 'InvestigationConcluded', data: command.data }),
      );
    case 'BookSettlement': {
      if (state.conclusion === null)
        return reject(
          'NOT_CONCLUDED',
          'The investigation has not concluded. Conclude it (ConcludeInvestigation) before booking the settlement.',
        );
      const decision = recomputeDecision(state, policy);
      const lines = decision.settlementLines;
      if (lines.length === 0)
        return reject(
          'INVALID_COMMAND',
          state.conclusion.outcome === 'fraud'
            ? 'Nothing of the order is exposed, so there is nothing to settle.'
            : 'The investigation found no fraud; the claim stays with the customer and nothing is settled (SR-11).',
        );
      return accept({
        type: 'SettlementBooked',
        data: {
          orderId: command.data.orderId,
          bookedAt: command.data.bookedAt,
          lines,
          liability: decision.liability,
          exposure: decision.exposure,
          reasons: decision.reasons,
        },
      });
    }
  }
};

const decideValid = (
  command: Command,
  state: OrderState,
  policy: PolicyOverride | undefined,
): E.Either<DomainError, Event[]> => {
  const { stop } = state;
  if (command.type === 'RequestStop') {
    if (stop !== null) return E.left(stopAlreadyRequested(stop));
    if (command.data.totalTaxAmount > command.data.totalAmount)
      return reject(
        'INVALID_AMOUNT',
        `totalTaxAmount ${command.data.totalTaxAmount} is above totalAmount ${command.data.totalAmount}. Send the VAT included in the gross total.`,
      );
    return accept({ type: 'StopRequested', data: command.data });
  }
  if (stop === null)
    return reject(
      'STOP_NOT_REQUESTED',
      `No stop was requested for this order. Send RequestStop first.`,
    );
  if (command.data.orderId !== stop.orderId)
    return reject(
      'INVALID_COMMAND',
      `The command is for order ${command.data.orderId} but this case is order ${stop.orderId}. Send it to its own order's stream.`,
    );
  const booked = state.settlements[0];
  // A parcel can still come back after the payout (SR-8); the booking then needs a correction.
  if (booked !== undefined && command.type !== 'RegisterReturn')
    return reject(
      'ALREADY_SETTLED',
      `The settlement was booked at ${booked.bookedAt}; the case is closed. Contact Klarna to correct a settled case.`,
    );
  return decideOnCase(command, state, stop, policy);
};

/**
 * Decides which events a command records, or why it is refused (SR-14). Pure: it never
 * throws, never mutates its inputs, and a refusal records nothing. The command is checked
 * with its codec first, so plain-JavaScript callers get coded errors too.
 */
export const decide = (
  command: Command,
  state: OrderState,
  policy?: PolicyOverride,
): E.Either<DomainError, Event[]> =>
  pipe(
    decodeCommand(command),
    E.chain((valid) => decideValid(valid, state, policy)),
  );
