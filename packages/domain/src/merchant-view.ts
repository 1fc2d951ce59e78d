import { assessLiability } from './assess';
import type { Decision, NextStep } from './decision';
import type { PolicyOverride } from './policy';
import type { LateReturnState, OrderState, ParcelState } from './state';

/** A shipment as the merchant reported it, and what became of it (Klarna's recall is Klarna's). */
export type MerchantShipment = Pick<
  ParcelState,
  | 'key'
  | 'carrier'
  | 'trackingNumber'
  | 'shippedAt'
  | 'reportedAt'
  | 'amount'
  | 'taxAmount'
  | 'collected'
  | 'returnedAt'
  | 'recallRequestedByMerchantAt'
>;

/** What the merchant may see of a case (SR-1): never risk notes or other internal fields. */
export interface MerchantView {
  readonly orderId: string;
  readonly status: Decision['status'];
  readonly liability: Decision['liability'];
  readonly settlementLines: Decision['settlementLines'];
  readonly nextSteps: readonly NextStep[];
  readonly reported: {
    readonly stopped: { readonly stoppedAt: string; readonly method: string } | null;
    readonly serviceNotInterruptibleAt: string | null;
    readonly shipments: readonly MerchantShipment[];
    readonly informationProvidedAt: readonly string[];
    /** Returns registered after the settlement was booked (Klarna corrects the booking). */
    readonly returnsAfterSettlement: readonly LateReturnState[];
  };
}

/** SR-1: the merchant-facing view of a case, built field by field so nothing internal leaks. */
export const toMerchantView = (state: OrderState, policy?: PolicyOverride): MerchantView => {
  const decision = assessLiability(state, policy);
  return {
    orderId: decision.orderId,
    status: decision.status,
    liability: decision.liability,
    settlementLines: decision.settlementLines,
    nextSteps: decision.nextSteps.filter((step) => step.actor === 'merchant'),
    reported: {
      stopped:
        state.stopped === null
          ? null
          : { stoppedAt: state.stopped.stoppedAt, method: state.stopped.method },
      serviceNotInterruptibleAt: state.serviceNotInterruptibleAt,
      shipments: state.parcels.map((p) => ({
        key: p.key,
        carrier: p.carrier,
        trackingNumber: p.trackingNumber,
        shippedAt: p.shippedAt,
        reportedAt: p.reportedAt,
        amount: p.amount,
        taxAmount: p.taxAmount,
        collected: p.collected,
        returnedAt: p.returnedAt,
        recallRequestedByMerchantAt: p.recallRequestedByMerchantAt,
      })),
      informationProvidedAt: state.informationRequests.flatMap((r) =>
        r.providedAt === null ? [] : [r.providedAt],
      ),
      returnsAfterSettlement: state.returnsAfterSettlement.map((late) => ({ ...late })),
    },
  };
};
