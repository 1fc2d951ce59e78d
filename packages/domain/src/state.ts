import { freeze } from 'immer';
import type { EventOf, SettlementLine } from './events';

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

export interface SettlementState {
  readonly bookedAt: string;
  readonly lines: readonly SettlementLine[];
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
  /** How many events were folded into this state. */
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
    eventCount: 0,
  },
  true,
);
