import type { Policy } from './policy';

/** carriers are compared after trimming, case-folding and collapsing spaces. */
export const normalizeCarrier = (name: string): string =>
  name.trim().replace(/\s+/g, ' ').toLowerCase();

/** SR-5 / A-5: whether Klarna recalls parcels of this carrier for the merchant. */
export const isRecallableCarrier = (carrier: string | null, policy: Policy): boolean => {
  if (carrier === null) return false;
  const name = normalizeCarrier(carrier);
  if (policy.recallableCarriers.some((c) => normalizeCarrier(c) === name)) return true;
  return Object.entries(policy.carrierAliases).some(
    ([alias, canonical]) =>
      normalizeCarrier(alias) === name &&
      policy.recallableCarriers.some((c) => normalizeCarrier(c) === normalizeCarrier(canonical)),
  );
};
