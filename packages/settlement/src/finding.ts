import type { RuleId } from '@order-liability/domain';
import type { FraudDetailedType } from './fraud-type';
import type { RowPlace } from './transaction';

/** An amount of one fraud detailed type and currency, minor units (a magnitude). */
export interface TypedAmount {
  readonly detailedType: FraudDetailedType;
  readonly currency: string;
  readonly amount: number;
}

interface FindingBase {
  readonly orderId: string;
  /** The payouts (`payment_reference`) of the transactions involved; empty when there are none. */
  readonly paymentReferences: readonly string[];
  /** The rule IDs behind the expectation (empty for an order the events do not know). */
  readonly rules: readonly RuleId[];
}

/** The decision expects fraud transactions; the reports have none for the order. */
export interface MissingInSettlement extends FindingBase {
  readonly kind: 'missing-in-settlement';
  readonly expected: readonly TypedAmount[];
}

/** Fraud transactions for an order whose decision expects none, or that the events do not know. */
export interface UnexpectedInSettlement extends FindingBase {
  readonly kind: 'unexpected-in-settlement';
  /** False when no case of the events has this order id. */
  readonly knownOrder: boolean;
  readonly actual: readonly TypedAmount[];
}

/** For one detailed type and currency, the settled sum is not the one the decision implies. */
export interface AmountDiffers extends FindingBase {
  readonly kind: 'amount-differs';
  readonly detailedType: FraudDetailedType;
  readonly currency: string;
  readonly expected: number;
  readonly actual: number;
}

/** The same transaction (detailed type, amount, reference) more than once. */
export interface DuplicateInSettlement extends FindingBase {
  readonly kind: 'duplicate-in-settlement';
  readonly detailedType: FraudDetailedType;
  readonly currency: string;
  readonly amount: number;
  /** reversal_reference, else refund_id, else capture_id; empty when the rows have none. */
  readonly reference: string;
  /** Every row holding it, the first one included. */
  readonly rows: readonly RowPlace[];
}

export type Finding =
  MissingInSettlement | UnexpectedInSettlement | AmountDiffers | DuplicateInSettlement;

export type FindingKind = Finding['kind'];

/** Every finding kind, in the order a report lists them for an order. */
export const findingKinds: readonly FindingKind[] = [
  'missing-in-settlement',
  'unexpected-in-settlement',
  'amount-differs',
  'duplicate-in-settlement',
];
