import type * as EventStoreDBAdapter from '@order-liability/eventstoredb';
import type * as PostgreSQLAdapter from '@order-liability/postgresql';
import type * as AuditCommand from './audit-command';
import type * as DecideCommand from './decide-command';
import type * as ExportCommand from './export-command';
import type * as GenerateCommand from './generate-command';
import type * as ImportCommand from './import-command';
import type * as OpenStore from './open-store';
import type * as ReconcileCommand from './reconcile-command';

/**
 * The command line's modules that load only when a command runs, so that `--help` and
 * `--version` start as fast as Node (no adapter, database client, domain or report format).
 * Each name is typed as its own module; `require`, not `import()`: a dynamic import from
 * CommonJS goes through Node's ESM loader, which Jest runs only under
 * --experimental-vm-modules.
 */
export function loadOnUse(id: './audit-command'): typeof AuditCommand;
export function loadOnUse(id: './decide-command'): typeof DecideCommand;
export function loadOnUse(id: './export-command'): typeof ExportCommand;
export function loadOnUse(id: './generate-command'): typeof GenerateCommand;
export function loadOnUse(id: './import-command'): typeof ImportCommand;
export function loadOnUse(id: './reconcile-command'): typeof ReconcileCommand;
export function loadOnUse(id: './open-store'): typeof OpenStore;
export function loadOnUse(id: '@order-liability/eventstoredb'): typeof EventStoreDBAdapter;
export function loadOnUse(id: '@order-liability/postgresql'): typeof PostgreSQLAdapter;
export function loadOnUse(id: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded: unknown = require(id);
  return loaded;
}
