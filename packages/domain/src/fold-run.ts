import type { Draft } from 'immer';
import type { HistoryProblem } from './history-problem';
import { frozenStateOf } from './frozen-state';
import type { ShippedSums } from './parcel-amounts';
import type {
  InformationRequestState,
  LateReturnState,
  OrderState,
  ParcelState,
  SettlementState,
} from './state';
import { listCopy, listWith } from './list-copy';
import { parcelCopy, requestCopy } from './working-copy';

export type WorkingParcel = Draft<ParcelState>;
export type WorkingRequest = Draft<InformationRequestState>;

/**
 * The root of the state one fold works on. Its lists and their items are either the run's
 * own (not frozen, free to change) or shared with a state already handed out (frozen, copied
 * before any change): copy on write, so handing out a state never copies what did not change.
 */
export interface WorkingState {
  stop: OrderState['stop'];
  stopped: OrderState['stopped'];
  serviceNotInterruptibleAt: string | null;
  parcels: readonly WorkingParcel[];
  disputedAt: string | null;
  overdueAt: string | null;
  informationRequests: readonly WorkingRequest[];
  conclusion: OrderState['conclusion'];
  settlements: readonly SettlementState[];
  returnsAfterSettlement: readonly LateReturnState[];
  skipped: readonly HistoryProblem[];
  eventCount: number;
}

// Up to this many parcels a lookup scans the list, which costs less than keeping a Map for
// the usual order; past it a Map keeps every lookup's cost bounded however long the stream.
const SCAN_LIMIT = 8;

const freezeAll = (items: readonly object[]): void => {
  for (let i = 0; i < items.length; i++) Object.freeze(items[i]);
  Object.freeze(items);
};

// The root as a literal in one field order: every working state has the same object shape.
const rootOf = (state: OrderState): WorkingState => ({
  stop: state.stop,
  stopped: state.stopped,
  serviceNotInterruptibleAt: state.serviceNotInterruptibleAt,
  parcels: state.parcels,
  disputedAt: state.disputedAt,
  overdueAt: state.overdueAt,
  informationRequests: state.informationRequests,
  conclusion: state.conclusion,
  settlements: state.settlements,
  returnsAfterSettlement: state.returnsAfterSettlement,
  skipped: state.skipped,
  eventCount: state.eventCount,
});

/**
 * One fold in progress: the working state, what `applyEvent` looks up on every event (parcels
 * by key, the sums shipped, the first open information request), and the objects made since
 * the state was last handed out, which `publish` freezes. Each event costs the same however
 * long the history: nothing is copied or frozen twice, and lookups are bounded.
 * It is also the running sum of what was shipped (a `ShippedSums`).
 */
export class FoldRun implements ShippedSums {
  state: WorkingState;
  count = 0;
  wholeOrder = false;
  gross = 0;
  tax = 0;
  /** Requests are answered in order, so the open ones follow the answered ones. */
  firstOpenRequest = 0;
  /**
   * Positions in the parcel list by key (a tracked parcel's key is its tracking number), past
   * SCAN_LIMIT: positions, not parcels, so putting a copy in a parcel's place changes nothing.
   */
  private byKey: Map<string, number[]> | undefined = undefined;
  /** The root was handed out (frozen): the next change starts from a copy of it. */
  private published = false;
  /**
   * Whether a parcel or request may be shared with a state handed out (the run started from
   * one that had some, or published): until then every one is the run's own, and changing it
   * needs no check (`Object.isFrozen` is a call into the runtime).
   */
  private sharing: boolean;
  // The root's lists that are this run's own, made or copied since the last publish (the
  // others are frozen and shared with a state handed out).
  private ownParcels: WorkingParcel[] | undefined = undefined;
  private ownRequests: WorkingRequest[] | undefined = undefined;
  private ownSettlements: SettlementState[] | undefined = undefined;
  private ownLateReturns: LateReturnState[] | undefined = undefined;
  private ownSkipped: HistoryProblem[] | undefined = undefined;

  constructor(from: OrderState) {
    // A state this package handed out is frozen all the way down and can be shared; any other
    // (built by hand, read from JSON) is copied first, so the caller's objects stay theirs.
    this.state = rootOf(frozenStateOf(from));
    this.sharing = from.parcels.length > 0 || from.informationRequests.length > 0;
    // Most folds start from nothing: the fields above already say no parcel and no request.
    if (this.sharing) {
      this.reindexParcels();
      this.advanceOpenRequest();
    }
  }

  /** The root, writable: after a `publish`, a copy of the published one. */
  root(): WorkingState {
    if (this.published) {
      this.state = rootOf(this.state);
      this.published = false;
    }
    return this.state;
  }

  /**
   * The state so far, deeply frozen; this run goes on from it without changing it. Only the
   * run's own lists can hold objects not yet frozen, and a list is the run's own only when it
   * was made (or copied) since the last publish, so freezing costs no more than the changes.
   */
  publish(): OrderState {
    if (this.ownParcels !== undefined) freezeAll(this.ownParcels);
    if (this.ownRequests !== undefined) freezeAll(this.ownRequests);
    // Their items are frozen when made: bookings, late returns and skipped events never change.
    if (this.ownSettlements !== undefined) Object.freeze(this.ownSettlements);
    if (this.ownLateReturns !== undefined) Object.freeze(this.ownLateReturns);
    if (this.ownSkipped !== undefined) Object.freeze(this.ownSkipped);
    this.ownParcels = undefined;
    this.ownRequests = undefined;
    this.ownSettlements = undefined;
    this.ownLateReturns = undefined;
    this.ownSkipped = undefined;
    this.published = true;
    this.sharing = true;
    return Object.freeze(this.state);
  }

  private parcelList(): WorkingParcel[] {
    if (this.ownParcels !== undefined) return this.ownParcels;
    const copy = listCopy(this.state.parcels);
    this.root().parcels = copy;
    this.ownParcels = copy;
    return copy;
  }

  private requestList(): WorkingRequest[] {
    if (this.ownRequests !== undefined) return this.ownRequests;
    const copy = listCopy(this.state.informationRequests);
    this.root().informationRequests = copy;
    this.ownRequests = copy;
    return copy;
  }

  private skippedList(): HistoryProblem[] {
    if (this.ownSkipped !== undefined) return this.ownSkipped;
    const copy = listCopy(this.state.skipped);
    this.root().skipped = copy;
    this.ownSkipped = copy;
    return copy;
  }

  addParcel(parcel: WorkingParcel): void {
    if (this.ownParcels === undefined) {
      this.ownParcels = listWith(this.state.parcels, parcel);
      this.root().parcels = this.ownParcels;
    } else this.ownParcels.push(parcel);
    this.index(parcel);
  }

  /** `parcel` (at `position`), writable: a copy in its place when it was already handed out. */
  writableParcel(parcel: WorkingParcel, position: number): WorkingParcel {
    if (!this.sharing || !Object.isFrozen(parcel)) return parcel;
    const copy = parcelCopy(parcel);
    this.parcelList()[position] = copy;
    return copy;
  }

  /** Replaces the parcels (some were taken out) and indexes them anew. */
  replaceParcels(kept: WorkingParcel[]): void {
    this.root().parcels = kept;
    this.ownParcels = kept;
    this.reindexParcels();
  }

  /** The position of the first parcel reported with this tracking number, or -1. */
  parcelWithTrackingNumber(trackingNumber: string): number {
    const { parcels } = this.state;
    if (this.byKey !== undefined) {
      for (const position of this.byKey.get(trackingNumber) ?? [])
        if (parcels[position]?.trackingNumber === trackingNumber) return position;
      return -1;
    }
    for (let i = 0; i < parcels.length; i++)
      if (parcels[i]?.trackingNumber === trackingNumber) return i;
    return -1;
  }

  /** Whether a parcel was reported under a key (a tracking number, or `#n`). */
  hasParcelWithKey(key: string): boolean {
    if (this.byKey !== undefined) return this.byKey.has(key);
    const { parcels } = this.state;
    for (let i = 0; i < parcels.length; i++) if (parcels[i]?.key === key) return true;
    return false;
  }

  /**
   * Records a return of the parcels under `key` (every parcel when undefined) that were not
   * returned yet: the first return counts.
   */
  markReturned(key: string | undefined, returnedAt: string): void {
    const positions = key === undefined ? undefined : this.byKey?.get(key);
    if (positions !== undefined) {
      for (const position of positions) this.markParcelReturned(position, returnedAt);
      return;
    }
    if (key !== undefined && this.byKey !== undefined) return;
    const count = this.state.parcels.length;
    for (let i = 0; i < count; i++)
      if (key === undefined || this.state.parcels[i]?.key === key)
        this.markParcelReturned(i, returnedAt);
  }

  private markParcelReturned(position: number, returnedAt: string): void {
    const parcel = this.state.parcels[position];
    if (parcel?.returnedAt === null) this.writableParcel(parcel, position).returnedAt = returnedAt;
  }

  addRequest(request: WorkingRequest): void {
    if (this.ownRequests === undefined) {
      this.ownRequests = listWith(this.state.informationRequests, request);
      this.root().informationRequests = this.ownRequests;
    } else this.ownRequests.push(request);
  }

  /** Records the answer to the first open information request, if any is open. */
  answerOpenRequest(providedAt: string): void {
    const open = this.state.informationRequests[this.firstOpenRequest];
    if (open !== undefined) {
      const requests = this.requestList();
      const answered = this.sharing && Object.isFrozen(open) ? requestCopy(open) : open;
      answered.providedAt = providedAt;
      requests[this.firstOpenRequest] = answered;
    }
    this.advanceOpenRequest();
  }

  /** `problem` must be frozen: skipped problems never change. */
  addSkipped(problem: HistoryProblem): void {
    if (this.ownSkipped === undefined) {
      this.ownSkipped = listWith(this.state.skipped, problem);
      this.root().skipped = this.ownSkipped;
    } else this.ownSkipped.push(problem);
  }

  sortSkipped(): void {
    this.skippedList().sort((a, b) => a.index - b.index);
  }

  /** `settlement` must be frozen all the way down: bookings never change. */
  addSettlement(settlement: SettlementState): void {
    if (this.ownSettlements === undefined) {
      this.ownSettlements = listWith(this.state.settlements, settlement);
      this.root().settlements = this.ownSettlements;
    } else this.ownSettlements.push(settlement);
  }

  /** `late` must be frozen. */
  addLateReturn(late: LateReturnState): void {
    if (this.ownLateReturns === undefined) {
      this.ownLateReturns = listWith(this.state.returnsAfterSettlement, late);
      this.root().returnsAfterSettlement = this.ownLateReturns;
    } else this.ownLateReturns.push(late);
  }

  private index(parcel: WorkingParcel): void {
    this.addToSums(parcel);
    if (this.byKey !== undefined)
      this.addByKey(this.byKey, parcel.key, this.state.parcels.length - 1);
    else if (this.state.parcels.length > SCAN_LIMIT) this.mapByKey();
  }

  private addToSums(parcel: WorkingParcel): void {
    this.count += 1;
    this.wholeOrder ||= parcel.amount === null;
    this.gross += parcel.amount ?? 0;
    this.tax += parcel.taxAmount ?? 0;
  }

  private mapByKey(): void {
    const byKey = new Map<string, number[]>();
    let position = 0;
    for (const parcel of this.state.parcels) {
      this.addByKey(byKey, parcel.key, position);
      position += 1;
    }
    this.byKey = byKey;
  }

  private addByKey(byKey: Map<string, number[]>, key: string, position: number): void {
    const sameKey = byKey.get(key);
    if (sameKey === undefined) byKey.set(key, [position]);
    else sameKey.push(position);
  }

  private reindexParcels(): void {
    this.count = 0;
    this.wholeOrder = false;
    this.gross = 0;
    this.tax = 0;
    this.byKey = undefined;
    for (const parcel of this.state.parcels) this.addToSums(parcel);
    if (this.state.parcels.length > SCAN_LIMIT) this.mapByKey();
  }

  /** Skips past answered requests: amortised, each request is passed once per fold. */
  private advanceOpenRequest(): void {
    const requests = this.state.informationRequests;
    while (
      this.firstOpenRequest < requests.length &&
      requests[this.firstOpenRequest]?.providedAt !== null
    )
      this.firstOpenRequest += 1;
  }
}
