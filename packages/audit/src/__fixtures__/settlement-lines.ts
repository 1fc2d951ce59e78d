// The two settlement lines of a covered 1.250,00 DKK order (SR-9), as the reports show them.
export const returned = {
  kind: 'fraud-return',
  label: 'Returnering (bedrageri)',
  amount: -125000,
  currency: 'DKK',
} as const;

export const paid = {
  kind: 'fraud-policy',
  label: 'Bedrageripolicy',
  amount: 100000,
  currency: 'DKK',
} as const;
