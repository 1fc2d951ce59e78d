import { domainError, type DomainError } from './errors';
import type { OrderState, StopDetails } from './state';

// Refusals that `decide` gives for a command and `fold` gives for a stored event in the same
// situation (checkHistory lists them), written once so the two cannot drift apart.

export const stopAlreadyRequested = (stop: StopDetails): DomainError =>
  domainError(
    'STOP_ALREADY_REQUESTED',
    `A stop was already requested for order ${stop.orderId} at ${stop.requestedAt}. Send the merchant's answer instead.`,
  );

export const alreadyConcluded = (state: OrderState): DomainError | undefined =>
  state.conclusion === null
    ? undefined
    : domainError(
        'ALREADY_CONCLUDED',
        `The investigation concluded (${state.conclusion.outcome}) at ${state.conclusion.concludedAt}; the case takes no more answers. Book the settlement or leave the case closed.`,
      );

export const orderStopped = (state: OrderState): DomainError | undefined =>
  state.stopped === null
    ? undefined
    : domainError(
        'ORDER_STOPPED',
        `The order was confirmed stopped at ${state.stopped.stoppedAt}; nothing of it was shipped or can be claimed. Contact Klarna if the confirmation was wrong.`,
      );

export const parcelReportedTwice = (trackingNumber: string): DomainError =>
  domainError(
    'INVALID_COMMAND',
    `Parcel ${trackingNumber} is already reported. Report each parcel once.`,
  );
