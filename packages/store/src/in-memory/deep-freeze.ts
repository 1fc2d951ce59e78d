/**
 * Freezes a decoded event and everything in it, once, when it is stored: the in-memory store
 * then hands the same objects to every read, and no reader can change what another one reads.
 * Events are JSON-shaped (objects, arrays, strings, numbers, booleans, null) plus bigints and
 * frozen positions, so the walk is plain recursion over own values.
 */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
};
