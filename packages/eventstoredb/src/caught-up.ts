import { deferred } from '@order-liability/store';

/**
 * When a subscription's consumer has caught up. The client signals caught-up once it has
 * received the past events, some of which may still wait in its buffer; caught up here means
 * those have been handled too.
 */
/** What of a client subscription the count needs. */
interface CaughtUpSignal {
  on(event: 'caughtUp', listener: () => void): unknown;
  readonly readableLength: number;
}

export class CaughtUp {
  readonly #settled = deferred<undefined>();
  #received = 0;
  #handled = 0;
  #target: number | undefined;

  constructor(subscription: CaughtUpSignal) {
    subscription.on('caughtUp', () => {
      this.#target = this.#received + subscription.readableLength;
      this.#check();
    });
  }

  get promise(): Promise<undefined> {
    return this.#settled.promise;
  }

  /** An event was taken from the subscription. */
  received(): void {
    this.#received += 1;
  }

  /** The consumer is done with the event taken last. */
  handled(): void {
    this.#handled += 1;
    this.#check();
  }

  /** The subscription ended; does nothing once caught up. */
  fail(error: Error): void {
    this.#settled.reject(error);
  }

  #check(): void {
    if (this.#target !== undefined && this.#handled >= this.#target)
      this.#settled.resolve(undefined);
  }
}
