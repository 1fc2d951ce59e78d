import { randomUUID } from 'node:crypto';
import { describeAppendAndRead } from './append-and-read';
import { describeArgumentRanges } from './argument-ranges';
import { describeClose } from './close';
import type { ContractContext } from './context';
import { describeExpectedRevision } from './expected-revision';
import { describeIdempotency } from './idempotency';
import { describeInvalidEvents } from './invalid-events';
import { describeLargeStream } from './large-stream';
import { describeReadAll } from './read-all';
import { describeReadStream } from './read-stream';
import type { ContractSubject, MakeContractSubject } from './subject';
import { describeUpcasting } from './upcasting';

/**
 * Declares the event store contract as Jest tests: call it at the top level of a test file
 * with a function that makes a fresh subject for every test. Every adapter runs it unchanged.
 * It touches Jest's globals only when called, so importing the package never needs Jest.
 */
export const describeEventStoreContract = (
  name: string,
  makeSubject: MakeContractSubject,
): void => {
  describe(`EventStore contract: ${name}`, () => {
    let current: ContractSubject | undefined;
    let tag = '';

    beforeEach(async () => {
      current = await makeSubject();
      tag = `t${randomUUID().slice(0, 8)}`;
    });

    afterEach(async () => {
      const subject = current;
      current = undefined;
      await subject?.dispose?.();
    });

    const subject = (): ContractSubject => {
      if (current === undefined) throw new Error('The contract subject is used outside a test.');
      return current;
    };
    const context: ContractContext = {
      subject,
      store: () => subject().store,
      order: (suffix) => ({ stream: `order-${tag}-${suffix}`, orderId: `${tag}-${suffix}` }),
      tag: () => tag,
    };

    describeAppendAndRead(context);
    describeExpectedRevision(context);
    describeReadStream(context);
    describeReadAll(context);
    describeInvalidEvents(context);
    describeUpcasting(context);
    describeIdempotency(context);
    describeClose(context);
    describeLargeStream(context);
    describeArgumentRanges(context);
  });
};
