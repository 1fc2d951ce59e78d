import { usageError } from '../audit-error';
import type { StoreSource } from './cli-io';

/** The parsed source flags of a command. */
export interface SourceFlags {
  readonly input?: string;
  readonly eventstore?: string;
  readonly postgres?: string;
  readonly postgresSchema?: string;
}

/** Either an export file or a store. */
export type Source =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'store'; readonly store: StoreSource };

// An empty value would fall back to defaults (an empty PostgreSQL connection string means
// localhost:5432): refuse it instead.
const checkNotEmpty = (flags: SourceFlags): void => {
  const given: readonly [string, string | undefined][] = [
    ['--input', flags.input],
    ['--eventstore', flags.eventstore],
    ['--postgres', flags.postgres],
    ['--postgres-schema', flags.postgresSchema],
  ];
  for (const [flag, value] of given)
    if (value?.trim() === '') throw usageError(`${flag} is empty; give a value`);
};

/** The one source the flags name; a usage error for none or an empty value. (commander refuses two.) */
export const sourceOf = (flags: SourceFlags, allowed: readonly ('file' | 'store')[]): Source => {
  checkNotEmpty(flags);
  if (flags.input !== undefined && allowed.includes('file'))
    return { kind: 'file', path: flags.input };
  if (allowed.includes('store')) {
    const schema = flags.postgresSchema === undefined ? {} : { schema: flags.postgresSchema };
    if (flags.eventstore !== undefined)
      return { kind: 'store', store: { kind: 'eventstore', connection: flags.eventstore } };
    if (flags.postgres !== undefined)
      return { kind: 'store', store: { kind: 'postgres', connection: flags.postgres, ...schema } };
  }
  const names = [
    ...(allowed.includes('file') ? ['--input <file>'] : []),
    ...(allowed.includes('store') ? ['--eventstore <connection>', '--postgres <connection>'] : []),
  ];
  throw usageError(`give one source: ${names.join(', ').replace(/, ([^,]*)$/, ' or $1')}`);
};
