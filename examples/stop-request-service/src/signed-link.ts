import { createHmac, timingSafeEqual } from 'node:crypto';

/** The query of a merchant link: `exp` (expiry, Unix seconds) and `sig` (HMAC-SHA256, base64url). */
export interface LinkQuery {
  readonly exp: string;
  readonly sig: string;
}

const signature = (secret: string, orderId: string, expiresAt: number): string =>
  createHmac('sha256', secret)
    .update(`stop-request-form\n${orderId}\n${expiresAt}`)
    .digest('base64url');

/** Signs a link to one case's form, valid until `expiresAt` (Unix seconds). */
export const signLink = (secret: string, orderId: string, expiresAt: number): LinkQuery => ({
  exp: String(expiresAt),
  sig: signature(secret, orderId, expiresAt),
});

/** The path and query of a case's form: `/cases/<orderId>/form?exp=…&sig=…`. */
export const merchantFormPath = (secret: string, orderId: string, expiresAt: number): string => {
  const { exp, sig } = signLink(secret, orderId, expiresAt);
  return `/cases/${encodeURIComponent(orderId)}/form?exp=${exp}&sig=${sig}`;
};

/**
 * True when the link was signed with `secret` for this very case and has not expired at `now`
 * (Unix seconds). An altered expiry, a link of another case or another secret all fail alike.
 */
export const verifyLink = (
  secret: string,
  orderId: string,
  query: Partial<LinkQuery>,
  now: number,
): boolean => {
  const { exp, sig } = query;
  if (exp === undefined || sig === undefined || !/^\d{1,12}$/.test(exp)) return false;
  const expiresAt = Number(exp);
  if (expiresAt < now) return false;
  const expected = Buffer.from(signature(secret, orderId, expiresAt));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
};
