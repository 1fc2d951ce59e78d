import { merchantFormPath } from './signed-link';
import type { ServiceContext } from './service-context';

export interface MerchantLink {
  readonly url: string;
  readonly expiresAt: string;
}

/** A fresh signed link to a case's form, valid for the configured hours. */
export const merchantLink = (context: ServiceContext, orderId: string): MerchantLink => {
  const expiresAt = Math.floor(context.now().getTime() / 1000) + context.linkTtlHours * 3600;
  return {
    url: `${context.publicUrl()}${merchantFormPath(context.linkSecret, orderId, expiresAt)}`,
    expiresAt: new Date(expiresAt * 1000).toISOString(),
  };
};
