import type { DomainErrorCode } from './errors';
import type { EventType } from './events';

/**
 * A stored event that `decide` would have refused at its place in the stream (a second stop
 * request, a parcel reported twice, parcels over the order, …). `fold` does not apply it: it
 * changes no money, status or liability. `code` and `message` are the refusal `decide` gives
 * for the same situation.
 */
export interface HistoryProblem {
  /** 0-based position of the event in the folded history. */
  readonly index: number;
  readonly type: EventType;
  readonly code: DomainErrorCode;
  readonly message: string;
}
