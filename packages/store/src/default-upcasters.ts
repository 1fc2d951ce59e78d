import { emptyUpcasters, type UpcasterRegistry } from './upcasting';
import { shippedWithTrackingFromV0 } from './upcasters/shipped-with-tracking-v0';

/** The upcasters every store applies unless given others (docs/store.md, "Upcasting"). */
export const defaultUpcasters: UpcasterRegistry = emptyUpcasters.with(
  'ShippedWithTracking',
  0,
  shippedWithTrackingFromV0,
);
