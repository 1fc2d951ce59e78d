import type { SettlementLine } from './events';
import type { ParcelExposure } from './parcel-exposure';
import type { RuleId } from './rules';
import type { CaseStatus } from './status';

export type Liability = 'undetermined' | 'klarna' | 'merchant' | 'split' | 'none';

export type Actor = 'merchant' | 'klarna' | 'customer';

/** Who does what next, and the rule that says so. */
export interface NextStep {
  readonly actor: Actor;
  readonly action: string;
  readonly rule: RuleId;
}

/** The liability decision of one order (docs/domain.md, "The decision"). */
export interface Decision {
  readonly orderId: string;
  readonly liability: Liability;
  readonly status: CaseStatus;
  /** Empty until fraud is confirmed (SR-9); once settled, the booked lines. */
  readonly settlementLines: readonly SettlementLine[];
  /**
   * Every exposed part (parcel, or the whole order), whether it is covered and the rule IDs
   * that decided it; empty while undetermined or when nothing is exposed. Once settled, the
   * booked parts.
   */
  readonly exposure: readonly ParcelExposure[];
  /** Rule and assumption IDs that decided it. */
  readonly reasons: readonly RuleId[];
  readonly nextSteps: readonly NextStep[];
}
