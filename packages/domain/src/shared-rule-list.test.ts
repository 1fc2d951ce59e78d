import { settlementBooked, stopRequested } from './__fixtures__/orders';
import { fold } from './evolve';
import type { ParcelExposure } from './parcel-exposure';
import type { RuleId } from './rules';
import { sharedRuleList } from './shared-rule-list';

const part = (key: string, rules: RuleId[]): ParcelExposure => ({
  key,
  gross: 1000,
  tax: 200,
  currency: 'DKK',
  covered: false,
  rules,
});

describe('rule lists in folded states', () => {
  it('given two orders whose bookings cite the same rules, their states share one frozen list of up to two rules and copy longer ones', () => {
    const booking = (): ReturnType<typeof settlementBooked> =>
      settlementBooked({
        exposure: [part('PN-1', ['SR-5', 'SR-10']), part('PN-2', ['A-7'])],
        reasons: ['SR-5', 'A-7', 'SR-10', 'SR-9'],
      });
    const firstEvents = [stopRequested(), booking()];
    const secondEvents = [stopRequested(), booking()];

    const first = fold(firstEvents).settlements[0];
    const second = fold(secondEvents).settlements[0];

    const given = firstEvents[1]?.type === 'SettlementBooked' ? firstEvents[1].data : undefined;
    expect([
      first?.exposure.map((p) => p.rules),
      first?.exposure.map((p, i) => p.rules === second?.exposure[i]?.rules),
      first?.exposure.map((p) => Object.isFrozen(p.rules)),
      first?.reasons,
      first?.reasons === second?.reasons,
      Object.isFrozen(first?.reasons),
      // The caller's lists are neither frozen nor held by the state.
      given?.exposure?.map((p, i) => [
        Object.isFrozen(p.rules),
        p.rules === first?.exposure[i]?.rules,
      ]),
      given?.reasons !== undefined && Object.isFrozen(given.reasons),
    ]).toEqual([
      [['SR-5', 'SR-10'], ['A-7']],
      [true, true],
      [true, true],
      ['SR-5', 'A-7', 'SR-10', 'SR-9'],
      false,
      true,
      [
        [false, false],
        [false, false],
      ],
      false,
    ]);
  });

  it('a shared list cannot be changed, so one state cannot change another', () => {
    const state = fold([stopRequested(), settlementBooked()]);
    const rules = state.settlements[0]?.exposure[0]?.rules;
    const change = (): void => {
      if (rules !== undefined) Reflect.apply(Array.prototype.push, rules, ['SR-1']);
    };
    expect(change).toThrow(TypeError);
    expect([rules, sharedRuleList(['SR-5', 'SR-10'])]).toEqual([
      ['SR-5', 'SR-10'],
      ['SR-5', 'SR-10'],
    ]);
    expect(sharedRuleList(['SR-5', 'SR-10'])).toBe(rules);
  });

  it('gives the same frozen empty list for no rules, and a frozen list for every ID alone and in pairs', () => {
    const ids: RuleId[] = ['SR-1', 'SR-14', 'A-1', 'A-7'];
    const lists = ids.flatMap((a) => [[a], ...ids.map((b) => [a, b])]);
    expect([
      sharedRuleList([]) === sharedRuleList([]),
      sharedRuleList([]),
      lists.map((list) => {
        const shared = sharedRuleList(list);
        return [shared, Object.isFrozen(shared), shared === sharedRuleList([...list])];
      }),
    ]).toEqual([true, [], lists.map((list) => [list, true, true])]);
  });
});

describe('risk notes in folded states', () => {
  it('a stop request without notes gives a frozen empty list; with notes, a frozen copy', () => {
    const events = [stopRequested({ riskNotes: [] })];
    const noted = [stopRequested({ riskNotes: ['velocity'] })];
    const none = fold(events).stop?.riskNotes;
    const some = fold(noted).stop?.riskNotes;
    expect([
      none,
      Object.isFrozen(none),
      some,
      Object.isFrozen(some),
      noted[0]?.data.riskNotes === some,
    ]).toEqual([[], true, ['velocity'], true, false]);
  });
});
