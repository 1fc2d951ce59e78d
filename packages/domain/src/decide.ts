import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { assessLiability } from './assess';
import type { Command } from './commands';
import { decodeCommand } from './decode';
import { decideShipment } from './decide-shipment';
import { type DomainError, type DomainErrorCode, domainError } from './errors';
import type { Event } from './events';
import { type PolicyOverride, resolvePolicy } from './policy';
import type { OrderState, StopDetails } from './state';

const reject = (code: DomainErrorCode, message: string): E.Either<DomainError, Event[]> =>
  E.left(domainError(code, message));

const accept = (...events: Event[]): E.Either<DomainError, Event[]> => E.right(events);

const concluded = (state: OrderState) =>
  state.conclusion === null
    ? undefined
    : domainError(
        'ALREADY_CONCLUDED',
        `The investigation concluded (${state.conclusion.outcome}) at ${state.conclusion.concludedAt}; the case takes no more answers. Book the settlement or leave the case closed.`,
      );

const stoppedOrder = (state: OrderState) =>
  state.stopped === null
    ? undefined
    : domainError(
        'ORDER_STOPPED',
        `The order was confirmed stopped at ${state.stopped.stoppedAt}; nothing of it was shipped or can be claimed. Contact Klarna if the confirmation was wrong.`,
      );

const firstError = (...checks: (DomainError | undefined)[]): DomainError | undefined =>
  checks.find((c) => c !== undefined);

const guarded = (
  error: DomainError | undefined,
  decideEvents: () => E.Either<DomainError, Event[]>,
): E.Either<DomainError, Event[]> => (error === undefined ? decideEvents() : E.left(error));

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
          concluded(state),
          state.parcels.length > 0
            ? domainError(
                'ALREADY_SHIPPED',
                'Parcels of this order are already reported as shipped, so it cannot be stopped. Register returned parcels with RegisterReturn instead.',
              )
            : undefined,
          stoppedOrder(state),
        ),
        () => accept({ type: 'OrderStopped', data: command.data }),
      );
    case 'ReportServiceNotInterruptible':
      return guarded(
        firstError(
          concluded(state),
          stop.purchaseKind === 'service'
            ? undefined
            : domainError(
                'NOT_A_SERVICE',
                'The order is for goods, not a service. Confirm it stopped, or report its shipment with carrier and tracking number.',
              ),
          stoppedOrder(state),
          state.serviceNotInterruptibleAt === null
            ? undefined
            : domainError(
                'INVALID_COMMAND',
                `The service was already reported as not interruptible at ${state.serviceNotInterruptibleAt}; nothing more is needed.`,
              ),
        ),
        () => accept({ type: 'ServiceCouldNotBeInterrupted', data: command.data }),
      );
    case 'ReportShipment':
      return guarded(firstError(concluded(state), stoppedOrder(state)), () =>
        decideShipment(command.data, state, stop, resolvePolicy(policy)),
      );
    case 'RequestRecall': {
      const { trackingNumber } = command.data;
      const parcel = state.parcels.find((p) => p.trackingNumber === trackingNumber);
      return guarded(
        firstError(
          stoppedOrder(state),
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
      const outstanding = state.parcels.filter(
        (p) => p.returnedAt === null && (trackingNumber === undefined || p.key === trackingNumber),
      );
      const known =
        trackingNumber === undefined || state.parcels.some((p) => p.key === trackingNumber);
      return guarded(
        firstError(
          stoppedOrder(state),
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
      return guarded(firstError(concluded(state), stoppedOrder(state)), () =>
        accept({ type: 'Disputed', data: command.data }),
      );
    case 'RecordInvoiceOverdue':
      return guarded(firstError(concluded(state), stoppedOrder(state)), () =>
        accept({ type: 'InvoiceOverdue', data: command.data }),
      );
    case 'RequestInformation':
      return guarded(firstError(concluded(state), stoppedOrder(state)), () =>
        accept({ type: 'InformationRequested', data: command.data }),
      );
    case 'ProvideInformation':
      return guarded(
        firstError(
          concluded(state),
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
      return guarded(firstError(concluded(state), stoppedOrder(state)), () =>
        accept({ type: 'InvestigationConcluded', data: command.data }),
      );
    case 'BookSettlement': {
      if (state.conclusion === null)
        return reject(
          'NOT_CONCLUDED',
          'The investigation has not concluded. Conclude it (ConcludeInvestigation) before booking the settlement.',
        );
      const lines = assessLiability(state, policy).settlementLines;
      if (lines.length === 0)
        return reject(
          'INVALID_COMMAND',
          state.conclusion.outcome === 'fraud'
            ? 'Nothing of the order is exposed, so there is nothing to settle.'
            : 'The investigation found no fraud; the claim stays with the customer and nothing is settled (SR-11).',
        );
      return accept({
        type: 'SettlementBooked',
        data: { orderId: command.data.orderId, bookedAt: command.data.bookedAt, lines },
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
    if (stop !== null)
      return reject(
        'STOP_ALREADY_REQUESTED',
        `A stop was already requested for order ${stop.orderId} at ${stop.requestedAt}. Send the merchant's answer instead.`,
      );
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
  if (booked !== undefined)
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
