import type { Policy } from './policy';

/**
 * a carrier name as it is compared: case-folded, with everything but letters and digits
 * removed, so "Post-Nord DK" and "postnord dk" read alike.
 */
export const normalizeCarrier = (name: string): string =>
  name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

// Merchants name carriers "as specifically as possible" ("PostNord DK", "Schenker Privpak
// AB"): a name counts when it starts with a configured name or alias.
const startsWithAny = (name: string, configured: readonly string[]): boolean =>
  configured.some((c) => {
    const prefix = normalizeCarrier(c);
    return prefix !== '' && name.startsWith(prefix);
  });

/** SR-5 / A-5: whether Klarna recalls parcels of this carrier for the merchant. */
export const isRecallableCarrier = (carrier: string | null, policy: Policy): boolean => {
  if (carrier === null) return false;
  const name = normalizeCarrier(carrier);
  if (name === '') return false;
  const recallable = policy.recallableCarriers.map(normalizeCarrier);
  const aliases = Object.entries(policy.carrierAliases)
    .filter(([, canonical]) => recallable.includes(normalizeCarrier(canonical)))
    .map(([alias]) => alias);
  return startsWithAny(name, policy.recallableCarriers) || startsWithAny(name, aliases);
};
