import {
  assessLiability,
  type Decision,
  type OrderState,
  type PolicyOverride,
  recomputeDecision,
  type RuleId,
} from '@order-liability/domain';
import { type FraudDetailedType, fraudDetailedTypes } from './fraud-type';

/** What the settlement should show for one detailed type and currency of a case. */
export interface ExpectedAmount {
  readonly detailedType: FraudDetailedType;
  readonly currency: string;
  /** Minor units, a magnitude. */
  readonly amount: number;
  /** The rule IDs of the exposed parts behind this amount. */
  readonly rules: readonly RuleId[];
}

/**
 * Where a case's expectation comes from: the booked decision of a settled case, the decision
 * recomputed once fraud is concluded, or nothing yet (no fraud conclusion, no booking).
 */
export type ExpectationBasis = 'booked' | 'recomputed' | 'none';

/** The fraud transactions a case's decision implies, per detailed type and currency. */
export interface CaseExpectation {
  readonly orderId: string;
  readonly basis: ExpectationBasis;
  /** Empty when the decision expects no fraud transaction. */
  readonly expected: readonly ExpectedAmount[];
  /** The rule IDs behind the expectation (the exposed parts', else the decision's reasons). */
  readonly rules: readonly RuleId[];
}

const unique = (ids: readonly RuleId[]): RuleId[] => [...new Set(ids)];

/**
 * The fraud transactions a decision implies, from its exposure per parcel: a covered part's
 * gross as FRAUD_POLICY_CHARGE and its gross less tax as FRAUD_POLICY_CREDIT_NET, an uncovered
 * part's gross as REVERSAL. Sums per detailed type and currency; zero sums are left out.
 */
export const expectedAmounts = (decision: Decision): ExpectedAmount[] => {
  const sums = new Map<
    string,
    { detailedType: FraudDetailedType; currency: string; amount: number; rules: RuleId[] }
  >();
  const add = (
    detailedType: FraudDetailedType,
    currency: string,
    amount: number,
    rules: readonly RuleId[],
  ): void => {
    const key = `${detailedType} ${currency}`;
    const sum = sums.get(key) ?? { detailedType, currency, amount: 0, rules: [] };
    sums.set(key, { ...sum, amount: sum.amount + amount, rules: unique([...sum.rules, ...rules]) });
  };
  for (const part of decision.exposure) {
    if (part.covered) {
      add('FRAUD_POLICY_CHARGE', part.currency, part.gross, part.rules);
      add('FRAUD_POLICY_CREDIT_NET', part.currency, part.gross - part.tax, part.rules);
    } else add('REVERSAL', part.currency, part.gross, part.rules);
  }
  return fraudDetailedTypes.flatMap((type) =>
    [...sums.values()]
      .filter((sum) => sum.detailedType === type && sum.amount > 0)
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  );
};

/** The expectation of a decision that is the case's basis. */
export const expectationOfDecision = (
  decision: Decision,
  basis: ExpectationBasis,
  orderId: string = decision.orderId,
): CaseExpectation => {
  const expected = basis === 'none' ? [] : expectedAmounts(decision);
  const partRules = unique(decision.exposure.flatMap((part) => part.rules));
  return {
    orderId,
    basis,
    expected,
    rules: expected.length > 0 && partRules.length > 0 ? partRules : [...decision.reasons],
  };
};

/**
 * What Klarna's settlement should show for the folded case of `orderId`: the booked decision once a settlement
 * is booked (whatever the policy), else the decision recomputed under `policy` once the
 * investigation concluded fraud, else nothing.
 */
export const caseExpectation = (
  orderId: string,
  state: OrderState,
  policy?: PolicyOverride,
): CaseExpectation => {
  if (state.settlements.length > 0)
    return expectationOfDecision(assessLiability(state, policy), 'booked', orderId);
  const decision = recomputeDecision(state, policy);
  const basis = state.conclusion?.outcome === 'fraud' ? 'recomputed' : 'none';
  return expectationOfDecision(decision, basis, orderId);
};
