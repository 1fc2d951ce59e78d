// The baseline of the fold benchmark: the evolve function a person writes by hand without
// immer — a pure `(state, event) => state` that copies what changes with object spreads —
// folded with Array.prototype.reduce. Same state shape as the domain's.
import type { Event, OrderState, ParcelState } from '@order-liability/domain';

const markParcels = (
  parcels: readonly ParcelState[],
  matches: (parcel: ParcelState) => boolean,
  change: (parcel: ParcelState) => ParcelState,
): readonly ParcelState[] => parcels.map((p) => (matches(p) ? change(p) : p));

export const spreadEvolve = (state: OrderState, e: Event): OrderState => {
  const s = { ...state, eventCount: state.eventCount + 1 };
  switch (e.type) {
    case 'StopRequested':
      return { ...s, stop: e.data };
    case 'OrderStopped':
      return { ...s, stopped: { stoppedAt: e.data.stoppedAt, method: e.data.method } };
    case 'ServiceCouldNotBeInterrupted':
      return { ...s, serviceNotInterruptibleAt: s.serviceNotInterruptibleAt ?? e.data.reportedAt };
    case 'ShippedWithTracking':
    case 'ShippedWithoutTracking': {
      const d = e.data;
      const trackingNumber = 'trackingNumber' in d ? d.trackingNumber : null;
      const parcel: ParcelState = {
        key: trackingNumber ?? `#${s.parcels.length + 1}`,
        trackingNumber,
        carrier: d.carrier ?? null,
        shippedAt: d.shippedAt,
        reportedAt: d.reportedAt,
        amount: d.amount ?? null,
        taxAmount: d.taxAmount ?? null,
        collected: 'collected' in d ? (d.collected ?? null) : null,
        returnedAt: null,
        recallRequestedByKlarnaAt: null,
        recallRequestedByMerchantAt: null,
      };
      return { ...s, parcels: [...s.parcels, parcel] };
    }
    case 'RecallRequested': {
      const { trackingNumber, requestedBy, requestedAt } = e.data;
      return {
        ...s,
        parcels: markParcels(
          s.parcels,
          (p) => p.trackingNumber === trackingNumber,
          (p) =>
            requestedBy === 'klarna'
              ? { ...p, recallRequestedByKlarnaAt: p.recallRequestedByKlarnaAt ?? requestedAt }
              : { ...p, recallRequestedByMerchantAt: p.recallRequestedByMerchantAt ?? requestedAt },
        ),
      };
    }
    case 'Returned': {
      const { trackingNumber, returnedAt } = e.data;
      return {
        ...s,
        parcels: markParcels(
          s.parcels,
          (p) =>
            p.returnedAt === null && (trackingNumber === undefined || p.key === trackingNumber),
          (p) => ({ ...p, returnedAt }),
        ),
      };
    }
    case 'Disputed':
      return { ...s, disputedAt: s.disputedAt ?? e.data.disputedAt };
    case 'InvoiceOverdue':
      return { ...s, overdueAt: s.overdueAt ?? e.data.observedAt };
    case 'InformationRequested':
      return {
        ...s,
        informationRequests: [
          ...s.informationRequests,
          { requestedAt: e.data.requestedAt, topic: e.data.topic ?? null, providedAt: null },
        ],
      };
    case 'InformationProvided': {
      const open = s.informationRequests.findIndex((r) => r.providedAt === null);
      if (open === -1) return s;
      const { providedAt } = e.data;
      return {
        ...s,
        informationRequests: s.informationRequests.map((r, i) =>
          i === open ? { ...r, providedAt } : r,
        ),
      };
    }
    case 'InvestigationConcluded':
      return {
        ...s,
        conclusion: s.conclusion ?? { concludedAt: e.data.concludedAt, outcome: e.data.outcome },
      };
    case 'SettlementBooked':
      return {
        ...s,
        settlements: [
          ...s.settlements,
          {
            bookedAt: e.data.bookedAt,
            lines: e.data.lines,
            liability: e.data.liability ?? 'undetermined',
            exposure: e.data.exposure ?? [],
            reasons: e.data.reasons ?? [],
          },
        ],
      };
  }
};

export const spreadFold = (events: readonly Event[], initial: OrderState): OrderState =>
  events.reduce(spreadEvolve, initial);
