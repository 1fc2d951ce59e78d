// Deterministic, realistic order histories for the benchmarks: parcels, recalls, returns,
// disputes, overdue invoices, information requests, conclusions and bookings.
import { type Event, fold, recomputeDecision, type SettlementLine } from '@order-liability/domain';

/** A small seeded PRNG (mulberry32) so every run folds the same events. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const carriers = ['PostNord', 'Schenker Privpak', 'GLS', 'Bring', 'DAO'];
const at = (day: number, hour: number): string =>
  `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

/** One order's history of about ten events on average. */
export const generateHistory = (orderNumber: number, random: () => number): Event[] => {
  const orderId = `o-${orderNumber}`;
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(random() * items.length)] ?? items[0]!;
  const parcelCount = 1 + Math.floor(random() * 7);
  const parcelGross = 10000 + Math.floor(random() * 50000);
  const parcelTax = Math.floor(parcelGross / 5);
  const events: Event[] = [
    {
      type: 'StopRequested',
      data: {
        orderId,
        merchantId: `m-${orderNumber % 997}`,
        purchaseKind: 'goods',
        currency: 'DKK',
        totalAmount: parcelGross * parcelCount,
        totalTaxAmount: parcelTax * parcelCount,
        requestedAt: at(2, 9),
        riskNotes: ['velocity'],
      },
    },
  ];
  if (random() < 0.15) {
    events.push({
      type: 'OrderStopped',
      data: { orderId, stoppedAt: at(2, 10), method: 'invoice-removed' },
    });
    return events;
  }
  const tracked: string[] = [];
  for (let p = 0; p < parcelCount; p++) {
    const carrier = pick(carriers);
    const money = { amount: parcelGross, taxAmount: parcelTax };
    if (random() < 0.1) {
      events.push({
        type: 'ShippedWithoutTracking',
        data: { orderId, carrier, shippedAt: at(1, 15), reportedAt: at(2, 12), ...money },
      });
      continue;
    }
    const trackingNumber = `${orderId}-${p}`;
    tracked.push(trackingNumber);
    events.push({
      type: 'ShippedWithTracking',
      data: {
        orderId,
        carrier,
        trackingNumber,
        shippedAt: at(1, 15),
        reportedAt: at(2, 12),
        ...money,
      },
    });
    if (carrier === 'PostNord' || carrier === 'Schenker Privpak')
      events.push({
        type: 'RecallRequested',
        data: { orderId, trackingNumber, requestedBy: 'klarna', requestedAt: at(2, 12) },
      });
  }
  for (const trackingNumber of tracked)
    if (random() < 0.3)
      events.push({
        type: 'Returned',
        data: { orderId, trackingNumber, returnedAt: at(6, 10), registeredIn: 'klarna-portal' },
      });
  if (random() < 0.7) events.push({ type: 'Disputed', data: { orderId, disputedAt: at(20, 8) } });
  if (random() < 0.5)
    events.push({ type: 'InvoiceOverdue', data: { orderId, observedAt: at(25, 8) } });
  if (random() < 0.8) {
    events.push({
      type: 'InformationRequested',
      data: { orderId, requestedAt: at(21, 8), topic: 'proof of delivery' },
    });
    if (random() < 0.8)
      events.push({ type: 'InformationProvided', data: { orderId, providedAt: at(23, 8) } });
  }
  if (random() < 0.8) {
    const outcome = random() < 0.75 ? 'fraud' : 'not-fraud';
    events.push({
      type: 'InvestigationConcluded',
      data: { orderId, concludedAt: at(30, 8), outcome },
    });
    if (outcome === 'fraud') {
      // Booked as BookSettlement books today (the decision with it); one in ten as an older
      // version booked (lines only), which fold derives the rest of.
      const booked = recomputeDecision(fold(events));
      const lines: readonly SettlementLine[] =
        booked.settlementLines.length > 0
          ? booked.settlementLines
          : [
              {
                kind: 'fraud-return',
                label: 'Returnering (bedrageri)',
                amount: -parcelGross,
                currency: 'DKK',
              },
            ];
      events.push({
        type: 'SettlementBooked',
        data:
          random() < 0.1
            ? { orderId, bookedAt: at(31, 8), lines }
            : {
                orderId,
                bookedAt: at(31, 8),
                lines,
                liability: booked.liability,
                exposure: booked.exposure,
                reasons: booked.reasons,
              },
      });
    }
  }
  return events;
};

/** Histories of `orders` orders (about ten events each), the same for the same seed. */
export const generateHistories = (orders: number, seed = 42): Event[][] => {
  const random = seededRandom(seed);
  return Array.from({ length: orders }, (_, i) => generateHistory(i, random));
};
