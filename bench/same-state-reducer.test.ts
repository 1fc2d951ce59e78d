import { fold } from '@order-liability/domain';
import { generateHistories } from './generate-histories';
import { plainFold } from './plain-reducer';
import { sameStateFold } from './same-state-reducer';

describe('the fold benchmark’s floors', () => {
  const histories = generateHistories(3000);

  it('the same-state reducer returns the state fold returns, for every generated order', () => {
    // Given the benchmark's histories (legacy bookings among them)
    const legacy = histories.filter((h) =>
      h.some((e) => e.type === 'SettlementBooked' && e.data.liability === undefined),
    );
    // When both fold them, Then every state is equal, field by field
    expect(legacy.length).toBe(142);
    expect(histories.map((h) => sameStateFold(h))).toEqual(histories.map((h) => fold(h)));
  });

  it('the plain reducer keeps less: no booked decision, no late returns or skipped events', () => {
    const booking = histories.find((h) => h.some((e) => e.type === 'SettlementBooked')) ?? [];
    const state = fold(booking);
    const plain = plainFold(booking);
    expect([
      Object.keys(state).filter((key) => !(key in plain)),
      Object.keys(state.settlements[0] ?? {}).filter(
        (key) => !(key in (plain.settlements[0] ?? {})),
      ),
    ]).toEqual([
      ['returnsAfterSettlement', 'skipped'],
      ['liability', 'exposure', 'reasons'],
    ]);
  });
});
