import { caseExpectation, expectationOfDecision } from './expectation';
import {
  coveredBooked,
  coveredConcluded,
  merchantConcluded,
  notFraud,
  open,
  splitBooked,
  stateOf,
} from './__fixtures__/cases';
import { assessLiability } from '@order-liability/domain';

// PostNord no longer recallable and no recall by the merchant: A-4 breached.
const strictPolicy = { recallableCarriers: ['GLS'], requireMerchantRecallForOtherCarriers: true };

describe('caseExpectation: the fraud transactions a decision implies', () => {
  it('expects a covered order as FRAUD_POLICY_CHARGE (gross) and FRAUD_POLICY_CREDIT_NET (gross − VAT)', () => {
    expect(caseExpectation('M-1', stateOf(coveredBooked('M-1')))).toEqual({
      orderId: 'M-1',
      basis: 'booked',
      expected: [
        {
          detailedType: 'FRAUD_POLICY_CHARGE',
          currency: 'DKK',
          amount: 125000,
          rules: ['SR-5', 'SR-10'],
        },
        {
          detailedType: 'FRAUD_POLICY_CREDIT_NET',
          currency: 'DKK',
          amount: 100000,
          rules: ['SR-5', 'SR-10'],
        },
      ],
      rules: ['SR-5', 'SR-10'],
    });
  });

  it("expects the merchant's loss as REVERSAL (gross), citing the requirement broken", () => {
    expect(caseExpectation('M-2', stateOf(merchantConcluded('M-2')))).toEqual({
      orderId: 'M-2',
      basis: 'recomputed',
      expected: [{ detailedType: 'REVERSAL', currency: 'DKK', amount: 125000, rules: ['SR-6'] }],
      rules: ['SR-6'],
    });
  });

  it('expects a split order per parcel: the covered one as charge and credit, the other as reversal', () => {
    expect(caseExpectation('M-3', stateOf(splitBooked('M-3'))).expected).toEqual([
      {
        detailedType: 'FRAUD_POLICY_CHARGE',
        currency: 'DKK',
        amount: 75000,
        rules: ['SR-5', 'SR-10'],
      },
      {
        detailedType: 'FRAUD_POLICY_CREDIT_NET',
        currency: 'DKK',
        amount: 60000,
        rules: ['SR-5', 'SR-10'],
      },
      { detailedType: 'REVERSAL', currency: 'DKK', amount: 50000, rules: ['SR-6'] },
    ]);
  });

  it('expects nothing before fraud is concluded, nor for a case closed as not fraud', () => {
    expect(caseExpectation('M-4', stateOf(open('M-4')))).toEqual({
      orderId: 'M-4',
      basis: 'none',
      expected: [],
      rules: ['SR-5', 'SR-10'],
    });
    expect(caseExpectation('M-5', stateOf(notFraud('M-5')))).toEqual({
      orderId: 'M-5',
      basis: 'none',
      expected: [],
      rules: ['SR-11'],
    });
  });

  it('recomputes an unbooked case under the policy given, and keeps a booked one as booked', () => {
    expect(caseExpectation('M-6', stateOf(coveredConcluded('M-6')), strictPolicy).expected).toEqual(
      [{ detailedType: 'REVERSAL', currency: 'DKK', amount: 125000, rules: ['A-4'] }],
    );
    expect(caseExpectation('M-7', stateOf(coveredBooked('M-7')), strictPolicy)).toEqual(
      caseExpectation('M-7', stateOf(coveredBooked('M-7'))),
    );
  });

  it('reads any decision: a basis of none expects nothing whatever the exposure', () => {
    const decision = assessLiability(stateOf(coveredBooked('M-8')));
    expect(expectationOfDecision(decision, 'none')).toEqual({
      orderId: 'M-8',
      basis: 'none',
      expected: [],
      rules: [...decision.reasons],
    });
  });
});
