/**
 * The three kinds of Klarna settlement transaction a fraud decision explains: Klarna taking the
 * gross back under the fraud policy, paying the amount excluding VAT back, and taking the gross
 * back from a merchant who carries the loss.
 */
export type FraudDetailedType = 'FRAUD_POLICY_CHARGE' | 'FRAUD_POLICY_CREDIT_NET' | 'REVERSAL';

/** Every fraud detailed type, in the order reports list them. */
export const fraudDetailedTypes: readonly FraudDetailedType[] = [
  'FRAUD_POLICY_CHARGE',
  'FRAUD_POLICY_CREDIT_NET',
  'REVERSAL',
];

/**
 * The fraud detailed type of a transaction, or `undefined` for every other transaction (sales,
 * returns, fees, …), which the reconciliation leaves alone. A plain reversal counts only as
 * `REVERSAL` / `REVERSAL`: other reversals (e.g. of a dispute fee) are not fraud money.
 */
export const fraudTypeOf = (type: string, detailedType: string): FraudDetailedType | undefined => {
  if (detailedType === 'FRAUD_POLICY_CHARGE' || detailedType === 'FRAUD_POLICY_CREDIT_NET')
    return detailedType;
  if (type === 'REVERSAL' && detailedType === 'REVERSAL') return 'REVERSAL';
  return undefined;
};
