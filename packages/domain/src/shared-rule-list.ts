import { listCopy } from './list-copy';
import { noItems } from './no-items';
import { type RuleId, ruleIdList } from './rules';

// Every list of one or two rule IDs, frozen once when the module loads (21 + 441 small lists):
// an exposed part nearly always cites one or two rules, and a state then shares the list
// instead of copying and freezing one of its own (a freeze is a call into the runtime, 25–40 ns,
// and the lookup below about half of that).
const single: readonly (readonly RuleId[])[] = Object.freeze(
  ruleIdList.map((id) => Object.freeze([id])),
);
const pairs: readonly (readonly RuleId[])[] = Object.freeze(
  ruleIdList.flatMap((first) => ruleIdList.map((second) => Object.freeze([first, second]))),
);
const positions: Readonly<Record<string, number | undefined>> = Object.freeze(
  Object.fromEntries(ruleIdList.map((id, position) => [id, position])),
);

// -1 for anything not a rule ID; a key of Object.prototype ('constructor') finds no number.
const positionOf = (id: string | undefined): number => {
  const position = id === undefined ? undefined : positions[id];
  return typeof position === 'number' ? position : -1;
};

const sharedList = (rules: readonly RuleId[]): readonly RuleId[] | undefined => {
  const first = positionOf(rules[0]);
  if (first < 0) return undefined;
  if (rules.length === 1) return single[first];
  const second = positionOf(rules[1]);
  return second < 0 ? undefined : pairs[first * ruleIdList.length + second];
};

/**
 * A frozen list of the same rule IDs as `rules` (which stays the caller's, unfrozen): with up
 * to two IDs one that every state shares, else a frozen copy of its own.
 */
export const sharedRuleList = (rules: readonly RuleId[]): readonly RuleId[] => {
  if (rules.length === 0) return noItems;
  return (rules.length <= 2 ? sharedList(rules) : undefined) ?? Object.freeze(listCopy(rules));
};
