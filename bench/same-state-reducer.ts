// A second floor for the fold benchmark: the plain mutable reducer of plain-reducer.ts, made to
// return everything the state `fold` returns on the benchmark's histories — each booking with
// its liability, exposure and reasons (derived, for a booking stored without them, as fold
// derives them), and the lists of late returns and skipped events. It still checks nothing
// (fold refuses what `decide` would have refused; no generated event is refused), so it stays
// a floor. same-state-reducer.test.ts holds its result equal to fold's.
import {
  defaultPolicy,
  type Event,
  type EventOf,
  type Liability,
  type OrderState,
  type ParcelExposure,
  type ParcelState,
  recomputeSettlement,
  type RuleId,
  type SettlementState,
} from '@order-liability/domain';

type PlainParcel = {
  -readonly [K in keyof ParcelState]: ParcelState[K];
};

interface PlainState {
  stop: OrderState['stop'];
  stopped: OrderState['stopped'];
  serviceNotInterruptibleAt: string | null;
  parcels: PlainParcel[];
  disputedAt: string | null;
  overdueAt: string | null;
  informationRequests: { requestedAt: string; topic: string | null; providedAt: string | null }[];
  conclusion: OrderState['conclusion'];
  settlements: SettlementState[];
  returnsAfterSettlement: OrderState['returnsAfterSettlement'][number][];
  skipped: OrderState['skipped'][number][];
  eventCount: number;
}

const empty = (): PlainState => ({
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
});

type Booking = EventOf<'SettlementBooked'>['data'];

const paidOut = (lines: Booking['lines']): number =>
  lines.reduce((sum, line) => (line.kind === 'fraud-policy' ? sum + line.amount : sum), 0);

// A booking stored without its decision, derived from the state it was booked on under the
// default policy, as fold does (docs/choices.md): liability from the lines, parts as assessed
// (the whole order when none), covers as booked.
const legacyDecision = (
  s: PlainState,
  lines: Booking['lines'],
): { liability: Liability; exposure: readonly ParcelExposure[]; reasons: RuleId[] } => {
  const assessed = recomputeSettlement(s, defaultPolicy);
  const reasons: RuleId[] = assessed.reasons.filter((rule) => rule !== 'SR-9');
  if (lines.length === 0) return { liability: 'none', exposure: [], reasons };
  reasons.push('SR-9');
  const { stop } = s;
  const parts: readonly ParcelExposure[] =
    assessed.exposure.length > 0 || stop === null
      ? assessed.exposure
      : [
          {
            key: 'order',
            gross: stop.totalAmount,
            tax: stop.totalTaxAmount,
            currency: stop.currency,
            covered: false,
            rules: ['SR-10'],
          },
        ];
  const paid = paidOut(lines);
  const exposedNet = parts.reduce((sum, p) => sum + p.gross - p.tax, 0);
  const liability: Liability = paid === 0 ? 'merchant' : paid >= exposedNet ? 'klarna' : 'split';
  const exposure = parts.map((p): ParcelExposure => {
    const covered = liability === 'split' ? p.covered : liability === 'klarna';
    return covered === p.covered
      ? { ...p, rules: [...p.rules] }
      : { ...p, covered, rules: ['SR-10'] };
  });
  return { liability, exposure, reasons };
};

const linesCopy = (lines: Booking['lines']): SettlementState['lines'] =>
  lines.map((l) => ({ kind: l.kind, label: l.label, amount: l.amount, currency: l.currency }));

const booked = (s: PlainState, d: Booking): SettlementState => {
  if (d.liability === undefined || d.exposure === undefined || d.reasons === undefined)
    return { bookedAt: d.bookedAt, lines: linesCopy(d.lines), ...legacyDecision(s, d.lines) };
  return {
    bookedAt: d.bookedAt,
    lines: linesCopy(d.lines),
    liability: d.liability,
    exposure: d.exposure.map((p) => ({
      key: p.key,
      gross: p.gross,
      tax: p.tax,
      currency: p.currency,
      covered: p.covered,
      rules: [...p.rules],
    })),
    reasons: [...d.reasons],
  };
};

// The plain reducer's cases are written out again here, not delegated to plainAdd: one plainAdd
// fed two state shapes reads their fields polymorphically, and measured this floor three times
// slower (0.115 against 0.031 s a --quick round), which would flatter fold.
export const sameStateFold = (events: readonly Event[]): PlainState => {
  const s = empty();
  for (const e of events) {
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
        if (s.settlements.length > 0) {
          const { trackingNumber } = e.data;
          if (trackingNumber === undefined || s.parcels.some((p) => p.key === trackingNumber))
            s.returnsAfterSettlement.push({
              trackingNumber: trackingNumber ?? null,
              returnedAt: e.data.returnedAt,
            });
          break;
        }
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
        s.settlements.push(booked(s, e.data));
        break;
    }
  }
  return s;
};
