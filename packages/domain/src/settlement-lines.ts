import { FRAUD_POLICY_LABEL, FRAUD_RETURN_LABEL, type SettlementLine } from './events';
import type { ParcelExposure } from './parcel-exposure';

/**
 * SR-9: once fraud is confirmed, the gross of every exposed part is taken back
 * ("Returnering (bedrageri)", negative, VAT included); then the covered parts' amount
 * excluding VAT is paid out ("Bedrageripolicy"). No zero-amount line is ever written.
 */
export const settlementLinesFor = (
  exposures: readonly ParcelExposure[],
  currency: string,
): SettlementLine[] => {
  let gross = 0;
  let coveredNet = 0;
  for (const exposure of exposures) {
    gross += exposure.gross;
    if (exposure.covered) coveredNet += exposure.gross - exposure.tax;
  }
  const lines: SettlementLine[] = [];
  if (gross > 0)
    lines.push({ kind: 'fraud-return', label: FRAUD_RETURN_LABEL, amount: 0 - gross, currency });
  if (coveredNet > 0)
    lines.push({ kind: 'fraud-policy', label: FRAUD_POLICY_LABEL, amount: coveredNet, currency });
  return lines;
};
