import { comparePositions, type Position } from '../position';
import { collect, ofTest, placeOf } from './collect';
import { CONTRACT_TIMEOUT_MS, type ContractContext } from './context';
import { disputed, informationRequested, rawMetadata, stopRequested } from './fixtures';

// Reads from the start skip invalid events: a shared server may hold some from earlier runs.
const ignore = (): void => undefined;

export const describeReadAll = (context: ContractContext): void => {
  // Writes a marker, then A0, B0, A1 in three appends; returns the positions the appends reported.
  const writeTwoStreams = async () => {
    const store = context.store();
    const marker = context.order('marker');
    const a = context.order('a');
    const b = context.order('b');
    const markerAt = await store.appendToStream(marker.stream, [stopRequested(marker.orderId)]);
    const a0 = await store.appendToStream(a.stream, [stopRequested(a.orderId)]);
    const b0 = await store.appendToStream(b.stream, [stopRequested(b.orderId)]);
    const a1 = await store.appendToStream(a.stream, [disputed(a.orderId)], {
      expectedRevision: 0n,
    });
    return {
      streams: { marker: marker.stream, a: a.stream, b: b.stream },
      positions: { marker: markerAt.position, a0: a0.position, b0: b0.position, a1: a1.position },
    };
  };

  const positionsIncrease = (positions: readonly Position[]): boolean =>
    positions.every(
      (position, i) => i === 0 || comparePositions(positions[i - 1] ?? position, position) < 0,
    );

  describe('readAll', () => {
    it(
      'given events in two streams, when read from the start, then they come in global order with increasing positions',
      async () => {
        const { streams } = await writeTwoStreams();
        const events = ofTest(
          await collect(context.store().readAll({ onInvalidEvent: ignore })),
          context.tag(),
        );

        expect(events.map(placeOf)).toEqual([
          `${streams.marker}@0`,
          `${streams.a}@0`,
          `${streams.b}@0`,
          `${streams.a}@1`,
        ]);
        expect(events.map((event) => event.type)).toEqual([
          'StopRequested',
          'StopRequested',
          'StopRequested',
          'Disputed',
        ]);
        expect(positionsIncrease(events.map((event) => event.position))).toBe(true);
      },
      CONTRACT_TIMEOUT_MS,
    );

    it(
      'given events in two streams, when read from a position, then it yields only the events strictly after it, at the positions the appends reported',
      async () => {
        const { streams, positions } = await writeTwoStreams();
        const afterMarker = ofTest(
          await collect(context.store().readAll({ fromPosition: positions.marker })),
          context.tag(),
        );
        const afterB0 = ofTest(
          await collect(context.store().readAll({ fromPosition: positions.b0 })),
          context.tag(),
        );
        const afterA1 = ofTest(
          await collect(context.store().readAll({ fromPosition: positions.a1 })),
          context.tag(),
        );

        expect(afterMarker.map(placeOf)).toEqual([
          `${streams.a}@0`,
          `${streams.b}@0`,
          `${streams.a}@1`,
        ]);
        expect(
          afterMarker.map((event, i) =>
            comparePositions(
              event.position,
              [positions.a0, positions.b0, positions.a1][i] ?? event.position,
            ),
          ),
        ).toEqual([0, 0, 0]);
        expect(afterB0.map(placeOf)).toEqual([`${streams.a}@1`]);
        expect(afterA1).toEqual([]);
      },
      CONTRACT_TIMEOUT_MS,
    );

    it(
      'given events after a position, when read with maxCount 2, then it yields the first two of them',
      async () => {
        const { streams, positions } = await writeTwoStreams();
        const events = await collect(
          context.store().readAll({ fromPosition: positions.marker, maxCount: 2 }),
        );

        expect(events.map(placeOf)).toEqual([`${streams.a}@0`, `${streams.b}@0`]);
      },
      CONTRACT_TIMEOUT_MS,
    );

    it(
      'given a system stream whose name starts with $, when reading all, then its events never appear',
      async () => {
        const store = context.store();
        const marker = context.order('marker');
        const order = context.order('after-system');
        const system = `$${context.tag()}-system`;
        const markerAt = await store.appendToStream(marker.stream, [stopRequested(marker.orderId)]);
        await context
          .subject()
          .writeRaw(system, { ...informationRequested(order.orderId, 1), metadata: rawMetadata() });
        await store.appendToStream(order.stream, [stopRequested(order.orderId)]);

        const fromStart = ofTest(
          await collect(store.readAll({ onInvalidEvent: ignore })),
          context.tag(),
        );
        const fromMarker = ofTest(
          await collect(store.readAll({ fromPosition: markerAt.position })),
          context.tag(),
        );

        expect(fromStart.map(placeOf)).toEqual([`${marker.stream}@0`, `${order.stream}@0`]);
        expect(fromMarker.map(placeOf)).toEqual([`${order.stream}@0`]);
      },
      CONTRACT_TIMEOUT_MS,
    );
  });
};
