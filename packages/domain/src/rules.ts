import { oneOf } from './codecs/record';

/**
 * IDs of the rules (SR-n) and assumptions (A-n) that decisions cite; docs/rules.md says what
 * each one means. One object, so the type and the codec cannot drift apart.
 */
const ruleIds = {
  'SR-1': null,
  'SR-2': null,
  'SR-3': null,
  'SR-4': null,
  'SR-5': null,
  'SR-6': null,
  'SR-7': null,
  'SR-8': null,
  'SR-9': null,
  'SR-10': null,
  'SR-11': null,
  'SR-12': null,
  'SR-13': null,
  'SR-14': null,
  'A-1': null,
  'A-2': null,
  'A-3': null,
  'A-4': null,
  'A-5': null,
  'A-6': null,
  'A-7': null,
};

/** Codec of a rule ID, as stored in a booked exposure. */
export const RuleIdCodec = oneOf(ruleIds);

export type RuleId = keyof typeof ruleIds;

/** Every rule ID, in the order above. */
export const ruleIdList: readonly RuleId[] = Object.freeze(
  Object.keys(ruleIds).filter(RuleIdCodec.is),
);
