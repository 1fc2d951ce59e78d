import { faqCases } from './faq/cases';
import { runAuditExample } from './audit-export';
import { runEventStoreDBCase } from './eventstoredb-case';
import { runHandlerCase } from './handler-case';
import { runPostgreSQLCase } from './postgresql-case';
import { runReconcileExample } from './reconcile';
import { runFaqCase } from './faq/run-faq-case';
import { runServiceExample } from './stop-request-service/src/example';

export type Example = (log: (line: string) => void) => Promise<void> | void;

const faqExamples: Record<string, Example> = Object.fromEntries(
  Object.keys(faqCases).map((name): [string, Example] => [
    name,
    (log) => {
      runFaqCase(name, log);
    },
  ]),
);

/** Every example `pnpm example <name>` can run. */
export const examples: Readonly<Record<string, Example>> = {
  'handler-case': runHandlerCase,
  'eventstoredb-case': runEventStoreDBCase,
  'postgresql-case': runPostgreSQLCase,
  'audit-export': async (log) => {
    await runAuditExample(log);
  },
  reconcile: async (log) => {
    await runReconcileExample(log);
  },
  // The reference backend service; `pnpm example service --once` stops after one check.
  service: (log) => runServiceExample(log),
  ...faqExamples,
  faq: (log) => {
    for (const name of Object.keys(faqCases)) {
      runFaqCase(name, log);
      log('');
    }
  },
};

/** What `pnpm example` runs without a name. */
export const MAIN_EXAMPLE = 'handler-case';
