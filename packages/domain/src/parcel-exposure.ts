import * as t from 'io-ts';
import { Amount, Currency, Label } from './codecs/primitives';
import { record } from './codecs/record';
import { refine } from './codecs/refine';
import { RuleIdCodec } from './rules';

/**
 * One exposed part of an order in a decision: a parcel (keyed by its tracking number, or
 * `#n` for the n-th shipment when untracked) or the whole order (`order`). `covered` says
 * whether Klarna carries it (SR-10); `rules` are the IDs that decided it: the requirements
 * it broke when not covered, the rules that cover it otherwise. A reconciliation reads a
 * covered part as Klarna's REVERSAL / FRAUD_POLICY_CHARGE (gross) plus
 * REVERSAL_MERCHANT_PROTECTION / FRAUD_POLICY_CREDIT_NET (gross − tax), an uncovered one as
 * REVERSAL / REVERSAL (gross).
 */
export const ParcelExposureCodec = refine(
  record(
    'ParcelExposure',
    {
      key: Label,
      gross: Amount,
      tax: Amount,
      currency: Currency,
      covered: t.boolean,
      rules: t.readonlyArray(RuleIdCodec),
    },
    {},
  ),
  'an exposed part whose tax does not exceed its gross',
  (part) => part.tax <= part.gross,
);

export type ParcelExposure = t.TypeOf<typeof ParcelExposureCodec>;
