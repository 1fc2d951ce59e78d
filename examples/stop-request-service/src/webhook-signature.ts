import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the notification's signature: hex HMAC-SHA256 of the raw body. */
export const SIGNATURE_HEADER = 'klarna-signature';

export const signBody = (secret: string, rawBody: string): string =>
  createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');

/** True when `signature` is the HMAC-SHA256 of exactly these bytes under `secret`. */
export const verifyBody = (
  secret: string,
  rawBody: string,
  signature: string | undefined,
): boolean => {
  if (signature === undefined || !/^[0-9a-fA-F]{64}$/.test(signature)) return false;
  return timingSafeEqual(
    Buffer.from(signBody(secret, rawBody), 'hex'),
    Buffer.from(signature, 'hex'),
  );
};
