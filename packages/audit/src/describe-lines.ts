import { formatAmount, type SettlementLine } from '@order-liability/domain';

/** Settlement lines as a person reads them: `Returnering (bedrageri) -1.250,00 DKK; …`. */
export const describeLines = (lines: readonly SettlementLine[]): string =>
  lines.length === 0
    ? 'none'
    : lines.map((line) => `${line.label} ${formatAmount(line.amount, line.currency)}`).join('; ');
