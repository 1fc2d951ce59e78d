import type { InformationRequestState, ParcelState } from './state';

// Writable copies of a parcel or request already handed out (frozen), field by field in the
// order the fold makes them. Not a spread: V8 (Node 20) gives a spread copy of an object
// literal a map of its own, and freezing such a copy later costs about ten times as much as
// freezing a literal.

export const parcelCopy = (
  p: ParcelState,
): { -readonly [K in keyof ParcelState]: ParcelState[K] } => ({
  key: p.key,
  trackingNumber: p.trackingNumber,
  carrier: p.carrier,
  shippedAt: p.shippedAt,
  reportedAt: p.reportedAt,
  amount: p.amount,
  taxAmount: p.taxAmount,
  collected: p.collected,
  returnedAt: p.returnedAt,
  recallRequestedByKlarnaAt: p.recallRequestedByKlarnaAt,
  recallRequestedByMerchantAt: p.recallRequestedByMerchantAt,
  eventIndex: p.eventIndex,
});

export const requestCopy = (
  r: InformationRequestState,
): { -readonly [K in keyof InformationRequestState]: InformationRequestState[K] } => ({
  requestedAt: r.requestedAt,
  topic: r.topic,
  providedAt: r.providedAt,
});
