import type { PolicyOverride } from '@order-liability/domain';
import type { OrderDecisions } from '@order-liability/store';
import type { Eta } from 'eta';
import type { ServiceMetrics } from './metrics';
import type { ServiceStore } from './open-store';

/** What every route of one app shares. */
export interface ServiceContext {
  readonly store: ServiceStore;
  readonly projection: OrderDecisions;
  readonly metrics: ServiceMetrics;
  readonly views: Eta;
  readonly now: () => Date;
  readonly policy: PolicyOverride | undefined;
  readonly linkSecret: string;
  readonly apiToken: string;
  readonly webhookSecret: string;
  /** The base of merchant links, without a trailing slash. */
  readonly publicUrl: () => string;
  readonly linkTtlHours: number;
}
