import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { decodeWith, type DecodeError } from './decode';
import { refine } from './codecs/refine';

/** The policy settings behind assumptions A-1..A-7 (docs/rules.md). */
export interface Policy {
  /** a service reported as non-interruptible is covered if fraud is confirmed. */
  readonly nonInterruptibleServiceCovered: boolean;
  /** without a form answer before the conclusion, requirements are not met. */
  readonly requireFormResponse: boolean;
  /** a parcel shipped after `requestedAt` breaches like SR-6. */
  readonly shippedAfterStopRequestIsBreach: boolean;
  /** a non-recallable carrier needs a RecallRequested by the merchant. */
  readonly requireMerchantRecallForOtherCarriers: boolean;
  /** carriers Klarna recalls for the merchant, matched ignoring case and spacing. */
  readonly recallableCarriers: readonly string[];
  /** other names of those carriers, alias → name in `recallableCarriers`. */
  readonly carrierAliases: Readonly<Record<string, string>>;
  /** hours after `requestedAt` within which the form answer counts; null = no limit. */
  readonly responseDeadlineHours: number | null;
  /** days to answer an information request; null = no limit. */
  readonly informationDeadlineDays: number | null;
}

/** A partial override of `defaultPolicy`; fields left out keep their defaults. */
export type PolicyOverride = Partial<Policy>;

export const defaultPolicy: Policy = Object.freeze({
  nonInterruptibleServiceCovered: true,
  requireFormResponse: true,
  shippedAfterStopRequestIsBreach: true,
  requireMerchantRecallForOtherCarriers: false,
  recallableCarriers: Object.freeze(['PostNord', 'Schenker Privpak']),
  carrierAliases: Object.freeze({ 'DB Schenker Privpak': 'Schenker Privpak' }),
  responseDeadlineHours: 24,
  informationDeadlineDays: 7,
});

const nonNegative = refine(t.number, 'a non-negative number', (n) => Number.isFinite(n) && n >= 0);
const deadline = t.union([nonNegative, t.null], 'a non-negative number, or null for no limit');

/** Codec of a policy override, e.g. the JSON file an auditor passes with --policy. */
export const PolicyOverrideCodec = t.exact(
  t.partial({
    nonInterruptibleServiceCovered: t.boolean,
    requireFormResponse: t.boolean,
    shippedAfterStopRequestIsBreach: t.boolean,
    requireMerchantRecallForOtherCarriers: t.boolean,
    recallableCarriers: t.readonlyArray(t.string),
    carrierAliases: t.record(t.string, t.string),
    responseDeadlineHours: deadline,
    informationDeadlineDays: deadline,
  }),
  'PolicyOverride',
);

/** Decodes a policy override from unknown input (a parsed JSON file). */
export const decodePolicy = (input: unknown): E.Either<DecodeError, PolicyOverride> =>
  decodeWith(PolicyOverrideCodec, input);

/** `defaultPolicy` with the fields of `override` that are set. */
export const resolvePolicy = (override: PolicyOverride = {}): Policy => ({
  nonInterruptibleServiceCovered:
    override.nonInterruptibleServiceCovered ?? defaultPolicy.nonInterruptibleServiceCovered,
  requireFormResponse: override.requireFormResponse ?? defaultPolicy.requireFormResponse,
  shippedAfterStopRequestIsBreach:
    override.shippedAfterStopRequestIsBreach ?? defaultPolicy.shippedAfterStopRequestIsBreach,
  requireMerchantRecallForOtherCarriers:
    override.requireMerchantRecallForOtherCarriers ??
    defaultPolicy.requireMerchantRecallForOtherCarriers,
  recallableCarriers: override.recallableCarriers ?? defaultPolicy.recallableCarriers,
  carrierAliases: override.carrierAliases ?? defaultPolicy.carrierAliases,
  responseDeadlineHours:
    override.responseDeadlineHours === undefined
      ? defaultPolicy.responseDeadlineHours
      : override.responseDeadlineHours,
  informationDeadlineDays:
    override.informationDeadlineDays === undefined
      ? defaultPolicy.informationDeadlineDays
      : override.informationDeadlineDays,
});
