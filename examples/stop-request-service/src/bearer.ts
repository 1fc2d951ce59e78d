import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** True when the Authorization header is `Bearer <token>` (compared in constant time). */
export const isBearer = (header: string | undefined, token: string): boolean => {
  const match = /^Bearer ([^\s]+)$/i.exec(header ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
};
