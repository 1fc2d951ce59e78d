import { type Command, defaultPolicy, isRecallableCarrier } from '@order-liability/domain';
import { DAY_MS, HOUR_MS, isoTime, MINUTE_MS } from './iso-time';
import type { Random } from './random';

const CARRIERS = [
  'PostNord',
  'Schenker Privpak',
  'DB Schenker Privpak',
  'GLS',
  'DHL',
  'Bring',
  'UPS',
] as const;
const CURRENCIES = ['DKK', 'DKK', 'DKK', 'SEK', 'NOK', 'EUR'] as const;
const RISK_NOTES = [
  'velocity',
  'new device',
  'address mismatch',
  'high amount',
  'proxy IP',
] as const;

/**
 * Builds the commands of one realistic case, times increasing from `requestedAt`. Each step
 * is a merchant or Klarna action the FAQ describes; `recordHistory` turns them into events.
 */
export class OrderScenario {
  private readonly commands: Command[] = [];
  private now: number;

  constructor(
    private readonly random: Random,
    private readonly orderId: string,
    private readonly requestedAt: number,
  ) {
    this.now = requestedAt;
  }

  /** The commands of the whole case. */
  build(): Command[] {
    const random = this.random;
    const purchaseKind = random.chance(0.1) ? 'service' : 'goods';
    const units = random.int(400, 60_000);
    this.requestStop(purchaseKind, units);
    if (purchaseKind === 'service') this.service();
    else {
      const answer = random.next();
      if (answer < 0.15) this.stopped();
      else if (answer < 0.27) this.silent();
      else if (answer < 0.5) this.parcels(units);
      else if (answer < 0.55) this.untracked();
      else this.tracked();
    }
    return this.commands;
  }

  private at(minMs: number, maxMs: number): string {
    this.now += this.random.int(minMs, maxMs);
    return isoTime(this.now);
  }

  private push(command: Command): void {
    this.commands.push(command);
  }

  private requestStop(purchaseKind: 'goods' | 'service', units: number): void {
    const random = this.random;
    // Danish VAT is 25% of the net, so a gross of 5 units carries 1 unit of tax.
    const notes = RISK_NOTES.filter(() => random.chance(0.3));
    this.push({
      type: 'RequestStop',
      data: {
        orderId: this.orderId,
        merchantId: `merchant-${random.int(1, 250)}`,
        purchaseKind,
        currency: random.pick(CURRENCIES),
        totalAmount: units * 5,
        totalTaxAmount: units,
        requestedAt: isoTime(this.requestedAt),
        ...(notes.length > 0 ? { riskNotes: notes } : {}),
      },
    });
  }

  // Answers arrive mostly within the 24 hours of A-6, some later.
  private answerTime(): string {
    return this.random.chance(0.9)
      ? this.at(20 * MINUTE_MS, 20 * HOUR_MS)
      : this.at(25 * HOUR_MS, 4 * DAY_MS);
  }

  private stopped(): void {
    this.push({
      type: 'ConfirmStopped',
      data: {
        orderId: this.orderId,
        stoppedAt: this.answerTime(),
        method: this.random.chance(0.6) ? 'invoice-removed' : 'returned-in-order-system',
      },
    });
  }

  private service(): void {
    if (this.random.chance(0.4)) {
      this.stopped();
      return;
    }
    this.push({
      type: 'ReportServiceNotInterruptible',
      data: { orderId: this.orderId, reportedAt: this.answerTime() },
    });
    this.investigation();
  }

  private silent(): void {
    this.at(3 * DAY_MS, 10 * DAY_MS);
    this.investigation();
  }

  private shippedAt(): string {
    // Mostly shipped before the stop request; now and then after it.
    const offset = this.random.chance(0.92)
      ? -this.random.int(HOUR_MS, 3 * DAY_MS)
      : this.random.int(MINUTE_MS, 5 * HOUR_MS);
    return isoTime(this.requestedAt + offset);
  }

  private shipment(
    index: number,
    money: { amount: number; taxAmount: number } | undefined,
    tracked: boolean,
  ): string | undefined {
    const carrier = this.random.pick(CARRIERS);
    const trackingNumber = tracked
      ? `${carrier.slice(0, 2).toUpperCase()}${this.orderId}-${index}`
      : undefined;
    this.push({
      type: 'ReportShipment',
      data: {
        orderId: this.orderId,
        carrier,
        ...(trackingNumber === undefined ? {} : { trackingNumber }),
        shippedAt: this.shippedAt(),
        reportedAt: index === 1 ? this.answerTime() : this.at(MINUTE_MS, 30 * MINUTE_MS),
        ...(money ?? {}),
        ...(tracked && this.random.chance(0.5) ? { collected: this.random.chance(0.5) } : {}),
      },
    });
    if (
      trackingNumber !== undefined &&
      !isRecallableCarrier(carrier, defaultPolicy) &&
      this.random.chance(0.4)
    )
      this.push({
        type: 'RequestRecall',
        data: {
          orderId: this.orderId,
          trackingNumber,
          requestedBy: 'merchant',
          requestedAt: this.at(HOUR_MS, DAY_MS),
        },
      });
    return trackingNumber ?? `#${index}`;
  }

  private returned(key: string | undefined): void {
    this.push({
      type: 'RegisterReturn',
      data: {
        orderId: this.orderId,
        ...(key === undefined ? {} : { trackingNumber: key }),
        returnedAt: this.at(2 * DAY_MS, 12 * DAY_MS),
        registeredIn: this.random.chance(0.5) ? 'klarna-portal' : 'order-system',
      },
    });
  }

  private tracked(): void {
    const key = this.shipment(1, undefined, true);
    if (this.random.chance(0.25)) this.returned(key);
    this.investigation();
  }

  private untracked(): void {
    this.shipment(1, undefined, false);
    this.investigation();
  }

  private parcels(units: number): void {
    const count = this.random.int(2, 4);
    let left = units;
    const keys: (string | undefined)[] = [];
    for (let index = 1; index <= count && left > 0; index += 1) {
      const share = index === count ? left : Math.max(1, Math.floor(left / (count - index + 1)));
      left -= share;
      keys.push(
        this.shipment(index, { amount: share * 5, taxAmount: share }, this.random.chance(0.85)),
      );
    }
    for (const key of keys) if (this.random.chance(0.2)) this.returned(key);
    this.investigation();
  }

  // Disputes or dunning, questions to the merchant, a conclusion and the booking (SR-7, SR-12).
  private investigation(): void {
    const random = this.random;
    if (random.chance(0.12)) return;
    const { orderId } = this;
    const reminders = random.int(1, 4);
    for (let i = 0; i < reminders; i += 1)
      this.push(
        random.chance(0.6)
          ? {
              type: 'RecordDispute',
              data: { orderId, disputedAt: this.at(2 * DAY_MS, 15 * DAY_MS) },
            }
          : {
              type: 'RecordInvoiceOverdue',
              data: { orderId, observedAt: this.at(2 * DAY_MS, 15 * DAY_MS) },
            },
      );
    const rounds = random.int(0, 4);
    for (let i = 0; i < rounds; i += 1) {
      this.push({
        type: 'RequestInformation',
        data: {
          orderId,
          requestedAt: this.at(HOUR_MS, 3 * DAY_MS),
          ...(random.chance(0.5) ? { topic: 'proof of delivery' } : {}),
        },
      });
      if (random.chance(0.85))
        this.push({
          type: 'ProvideInformation',
          data: {
            orderId,
            providedAt: random.chance(0.9)
              ? this.at(HOUR_MS, 5 * DAY_MS)
              : this.at(8 * DAY_MS, 12 * DAY_MS),
          },
        });
    }
    if (random.chance(0.15)) return;
    this.push({
      type: 'ConcludeInvestigation',
      data: {
        orderId,
        concludedAt: this.at(DAY_MS, 20 * DAY_MS),
        outcome: random.chance(0.7) ? 'fraud' : 'not-fraud',
      },
    });
    // Refused by the domain when nothing is to be settled (not fraud, everything back).
    this.push({
      type: 'BookSettlement',
      data: { orderId, bookedAt: this.at(HOUR_MS, 3 * DAY_MS) },
    });
  }
}
