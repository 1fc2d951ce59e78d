import type { Draft } from 'immer';
import { addParcel, noneShipped, type ShippedSums } from './parcel-amounts';
import type { OrderState, ParcelState } from './state';

type MutableParcel = Draft<ParcelState>;

/**
 * What `applyEvent` looks up on every event, kept beside the state while one fold runs, so a
 * long history costs the same per event as a short one: parcels by tracking number and by key,
 * the sums of what was shipped, and the first information request still open. Built once per
 * fold (once per `evolve`) from the state; never stored in it.
 */
export interface FoldIndex {
  /** Parcels by key (a tracked parcel's key is its tracking number); made at the first parcel. */
  byKey: Map<string, MutableParcel[]> | undefined;
  sums: ShippedSums;
  /** Requests are answered in order, so the open ones follow the answered ones. */
  firstOpenRequest: number;
}

export const addToIndex = (index: FoldIndex, parcel: MutableParcel): void => {
  index.byKey ??= new Map();
  const sameKey = index.byKey.get(parcel.key);
  if (sameKey === undefined) index.byKey.set(parcel.key, [parcel]);
  else sameKey.push(parcel);
  index.sums = addParcel(index.sums, parcel);
};

/** The parcels reported under a key (a tracking number, or `#n`). */
export const parcelsWithKey = (index: FoldIndex, key: string): readonly MutableParcel[] =>
  index.byKey?.get(key) ?? [];

/** The first parcel reported with this tracking number. */
export const parcelWithTrackingNumber = (
  index: FoldIndex,
  trackingNumber: string,
): MutableParcel | undefined =>
  parcelsWithKey(index, trackingNumber).find((p) => p.trackingNumber === trackingNumber);

/** Skips past answered requests: amortised, each request is passed once per fold. */
export const advanceOpenRequest = (index: FoldIndex, state: Draft<OrderState>): void => {
  const requests = state.informationRequests;
  while (
    index.firstOpenRequest < requests.length &&
    requests[index.firstOpenRequest]?.providedAt !== null
  )
    index.firstOpenRequest += 1;
};

/** Indexes the parcels anew, after some were taken out of the state. */
export const reindexParcels = (index: FoldIndex, state: Draft<OrderState>): void => {
  index.byKey = undefined;
  index.sums = noneShipped;
  for (const parcel of state.parcels) addToIndex(index, parcel);
};

export const indexState = (state: Draft<OrderState>): FoldIndex => {
  const index: FoldIndex = {
    byKey: undefined,
    sums: noneShipped,
    firstOpenRequest: 0,
  };
  reindexParcels(index, state);
  advanceOpenRequest(index, state);
  return index;
};
