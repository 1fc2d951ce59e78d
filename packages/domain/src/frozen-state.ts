import type { ParcelExposure } from './parcel-exposure';
import { initialState, type OrderState, type SettlementState, type StopDetails } from './state';
import { listCopy } from './list-copy';
import { noItems } from './no-items';
import { sharedRuleList } from './shared-rule-list';

const frozen = Object.isFrozen;

const everyFrozen = (items: readonly object[]): boolean => {
  if (!frozen(items)) return false;
  for (const item of items) if (!frozen(item)) return false;
  return true;
};

const settlementFrozen = (booked: SettlementState): boolean =>
  frozen(booked) &&
  everyFrozen(booked.lines) &&
  everyFrozen(booked.exposure) &&
  booked.exposure.every((part) => frozen(part.rules)) &&
  frozen(booked.reasons);

/** Whether every object of a state is frozen, as every state `fold` hands out is. */
const isDeeplyFrozen = (state: OrderState): boolean =>
  frozen(state) &&
  (state.stop === null ||
    (frozen(state.stop) && (state.stop.riskNotes === undefined || frozen(state.stop.riskNotes)))) &&
  (state.stopped === null || frozen(state.stopped)) &&
  everyFrozen(state.parcels) &&
  everyFrozen(state.informationRequests) &&
  (state.conclusion === null || frozen(state.conclusion)) &&
  frozen(state.settlements) &&
  state.settlements.every(settlementFrozen) &&
  everyFrozen(state.returnsAfterSettlement) &&
  everyFrozen(state.skipped);

/**
 * A frozen copy of the stop details (risk notes included), field by field: a literal keeps one
 * object shape for every order, and the caller's event stays the caller's.
 */
export const frozenStop = (stop: StopDetails): StopDetails => {
  const { riskNotes } = stop;
  if (riskNotes === undefined)
    return Object.freeze({
      orderId: stop.orderId,
      merchantId: stop.merchantId,
      purchaseKind: stop.purchaseKind,
      currency: stop.currency,
      totalAmount: stop.totalAmount,
      totalTaxAmount: stop.totalTaxAmount,
      requestedAt: stop.requestedAt,
    });
  return Object.freeze({
    orderId: stop.orderId,
    merchantId: stop.merchantId,
    purchaseKind: stop.purchaseKind,
    currency: stop.currency,
    totalAmount: stop.totalAmount,
    totalTaxAmount: stop.totalTaxAmount,
    requestedAt: stop.requestedAt,
    // No notes: the empty list every state shares.
    riskNotes: riskNotes.length === 0 ? noItems : Object.freeze(listCopy(riskNotes)),
  });
};

const frozenPart = (part: ParcelExposure): ParcelExposure =>
  Object.freeze({ ...part, rules: sharedRuleList(part.rules) });

/**
 * `state` itself when it is frozen all the way down (every state this package hands out),
 * else a deeply frozen copy: a fold may then share any part of it and never change it.
 */
export const frozenStateOf = (state: OrderState): OrderState =>
  state === initialState || isDeeplyFrozen(state)
    ? state
    : Object.freeze({
        stop: state.stop === null ? null : frozenStop(state.stop),
        stopped: state.stopped === null ? null : Object.freeze({ ...state.stopped }),
        serviceNotInterruptibleAt: state.serviceNotInterruptibleAt,
        parcels: Object.freeze(state.parcels.map((parcel) => Object.freeze({ ...parcel }))),
        disputedAt: state.disputedAt,
        overdueAt: state.overdueAt,
        informationRequests: Object.freeze(
          state.informationRequests.map((request) => Object.freeze({ ...request })),
        ),
        conclusion: state.conclusion === null ? null : Object.freeze({ ...state.conclusion }),
        settlements: Object.freeze(
          state.settlements.map((booked) =>
            Object.freeze({
              bookedAt: booked.bookedAt,
              lines: Object.freeze(booked.lines.map((line) => Object.freeze({ ...line }))),
              liability: booked.liability,
              exposure: Object.freeze(booked.exposure.map(frozenPart)),
              reasons: sharedRuleList(booked.reasons),
            }),
          ),
        ),
        returnsAfterSettlement: Object.freeze(
          state.returnsAfterSettlement.map((late) => Object.freeze({ ...late })),
        ),
        skipped: Object.freeze(state.skipped.map((problem) => Object.freeze({ ...problem }))),
        eventCount: state.eventCount,
      });
