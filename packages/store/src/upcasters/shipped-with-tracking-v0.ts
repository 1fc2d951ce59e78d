import { isRecord } from '../is-record';
import type { Upcaster } from '../upcasting';

/**
 * Schema 0 of ShippedWithTracking called the tracking number `trackingNo`; schema 1 calls it
 * `trackingNumber`. Data that already has `trackingNumber`, or is not an object, is left for
 * the codec to judge.
 */
export const shippedWithTrackingFromV0: Upcaster = (data) => {
  if (
    !isRecord(data) ||
    !Object.hasOwn(data, 'trackingNo') ||
    Object.hasOwn(data, 'trackingNumber')
  )
    return data;
  const { trackingNo, ...rest } = data;
  return { ...rest, trackingNumber: trackingNo };
};
