// The baseline of the fold benchmark: what a person would write by hand without immer —
// a plain mutable reducer over a private object, building the same state as the domain.
import type { Event, OrderState, ParcelState } from '@order-liability/domain';

type PlainParcel = {
  -readonly [K in keyof ParcelState]: ParcelState[K];
};

export interface PlainState {
  stop: OrderState['stop'];
  stopped: OrderState['stopped'];
  serviceNotInterruptibleAt: string | null;
  parcels: PlainParcel[];
  disputedAt: string | null;
  overdueAt: string | null;
  informationRequests: { requestedAt: string; topic: string | null; providedAt: string | null }[];
  conclusion: OrderState['conclusion'];
  settlements: { bookedAt: string; lines: OrderState['settlements'][number]['lines'] }[];
  eventCount: number;
}

export const emptyPlainState = (): PlainState => ({
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
});

/** Applies one event to a plain state in place (what the streaming audit's reference folds with). */
export const plainAdd = (s: PlainState, e: Event): void => {
  s.eventCount++;
  switch (e.type) {
    case 'StopRequested':
      s.stop = { ...e.data, ...(e.data.riskNotes ? { riskNotes: [...e.data.riskNotes] } : {}) };
      break;
    case 'OrderStopped':
      s.stopped = { stoppedAt: e.data.stoppedAt, method: e.data.method };
      break;
    case 'ServiceCouldNotBeInterrupted':
      s.serviceNotInterruptibleAt ??= e.data.reportedAt;
      break;
    case 'ShippedWithTracking':
    case 'ShippedWithoutTracking': {
      const d = e.data;
      const trackingNumber = 'trackingNumber' in d ? d.trackingNumber : null;
      s.parcels.push({
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
        eventIndex: s.eventCount - 1,
      });
      break;
    }
    case 'RecallRequested': {
      const p = s.parcels.find((x) => x.trackingNumber === e.data.trackingNumber);
      if (p === undefined) break;
      if (e.data.requestedBy === 'klarna') p.recallRequestedByKlarnaAt ??= e.data.requestedAt;
      else p.recallRequestedByMerchantAt ??= e.data.requestedAt;
      break;
    }
    case 'Returned':
      for (const p of s.parcels)
        if (e.data.trackingNumber === undefined || p.key === e.data.trackingNumber)
          p.returnedAt ??= e.data.returnedAt;
      break;
    case 'Disputed':
      s.disputedAt ??= e.data.disputedAt;
      break;
    case 'InvoiceOverdue':
      s.overdueAt ??= e.data.observedAt;
      break;
    case 'InformationRequested':
      s.informationRequests.push({
        requestedAt: e.data.requestedAt,
        topic: e.data.topic ?? null,
        providedAt: null,
      });
      break;
    case 'InformationProvided': {
      const r = s.informationRequests.find((x) => x.providedAt === null);
      if (r !== undefined) r.providedAt = e.data.providedAt;
      break;
    }
    case 'InvestigationConcluded':
      s.conclusion ??= { concludedAt: e.data.concludedAt, outcome: e.data.outcome };
      break;
    case 'SettlementBooked':
      s.settlements.push({
        bookedAt: e.data.bookedAt,
        lines: e.data.lines.map((l) => ({ ...l })),
      });
      break;
  }
};

export const plainFold = (events: readonly Event[]): PlainState => {
  const s = emptyPlainState();
  for (const e of events) plainAdd(s, e);
  return s;
};
