import { freeze } from 'immer';
import type { Liability } from './decision';
import type { EventOf, SettlementLine } from './events';
import type { HistoryProblem } from './history-problem';
import type { ParcelExposure } from './parcel-exposure';
import type { RuleId } from './rules';

/** What the stop request fixed about the order. */
export type StopDetails = EventOf<'StopRequested'>['data'];

/** One reported shipment. */
export interface ParcelState {
  /** The tracking number, or `#n` (1-based position among shipments) for an untracked parcel. */
  readonly key: string;
  readonly trackingNumber: string | null;
  readonly carrier: string | null;
  readonly shippedAt: string;
  readonly reportedAt: string;
  /** Gross amount and tax in minor units; null when the shipment stands for the whole order. */
  readonly amount: number | null;
  readonly taxAmount: number | null;
  readonly collected: boolean | null;
  readonly returnedAt: string | null;
  readonly recallRequestedByKlarnaAt: string | null;
  readonly recallRequestedByMerchantAt: string | null;
  /** 0-based position in the history of the event that reported it. */
  readonly eventIndex: number;
}

export interface InformationRequestState {
  readonly requestedAt: string;
  readonly topic: string | null;
  readonly providedAt: string | null;
}

export interface ConclusionState {
  readonly concludedAt: string;
  readonly outcome: 'fraud' | 'not-fraud';
}

/** A booked settlement: the decision as it was booked, which a settled case keeps. */
export interface SettlementState {
  readonly bookedAt: string;
  readonly lines: readonly SettlementLine[];
  readonly liability: Liability;
  readonly exposure: readonly ParcelExposure[];
  readonly reasons: readonly RuleId[];
}

/** A return registered after the settlement was booked: the booking needs a correction. */
export interface LateReturnState {
  /** null when the return covered every parcel. */
  readonly trackingNumber: string | null;
  readonly returnedAt: string;
}

/** The folded history of one order. Read-only; build it with `evolve` or `fold`. */
export interface OrderState {
  /** null until StopRequested. */
  readonly stop: StopDetails | null;
  readonly stopped: {
    readonly stoppedAt: string;
    readonly method: EventOf<'OrderStopped'>['data']['method'];
  } | null;
  readonly serviceNotInterruptibleAt: string | null;
  readonly parcels: readonly ParcelState[];
  readonly disputedAt: string | null;
  readonly overdueAt: string | null;
  readonly informationRequests: readonly InformationRequestState[];
  readonly conclusion: ConclusionState | null;
  readonly settlements: readonly SettlementState[];
  /** Returns registered after the first settlement; they leave the booked decision as it is. */
  readonly returnsAfterSettlement: readonly LateReturnState[];
  /** Stored events that `decide` would have refused at their place; fold skipped them. */
  readonly skipped: readonly HistoryProblem[];
  /** How many events were folded into this state, skipped ones included. */
  readonly eventCount: number;
}

/** The state of an order before any event: a value, not a factory. */
export const initialState: OrderState = freeze(
  {
    stop: null,
    stopped: null,
    serviceNotInterruptibleAt: null,
    parcels: [],
    disputedAt: null,
    overdueAt: null,
    informationRequests: [],
    conclusion: null,
    settlements: [],
    returnsAfterSettlement: [],
    skipped: [],
    eventCount: 0,
  },
  true,
);
