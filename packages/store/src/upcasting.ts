import * as E from 'fp-ts/Either';
import { CURRENT_SCHEMA_VERSION } from './port';

/**
 * Turns an event's data written in one schema version into the data of the next version.
 * It may throw on data it cannot read; the read then reports INVALID_EVENT.
 */
export type Upcaster = (data: unknown) => unknown;

/**
 * Upcasters by `(type, fromSchemaVersion)`. Immutable: `with` returns a new registry, so a
 * shared one (such as `defaultUpcasters`) cannot be changed behind a store's back.
 */
export interface UpcasterRegistry {
  /** A registry that also upcasts `type` from `fromSchemaVersion` to the next version (replacing any earlier one). */
  readonly with: (type: string, fromSchemaVersion: number, upcaster: Upcaster) => UpcasterRegistry;
  /** The upcaster of `type` from `fromSchemaVersion`, if one is registered. */
  readonly find: (type: string, fromSchemaVersion: number) => Upcaster | undefined;
}

// The version comes first and holds no colon, so a key never collides.
const keyOf = (type: string, fromSchemaVersion: number): string => `${fromSchemaVersion}:${type}`;

const registryOf = (entries: ReadonlyMap<string, Upcaster>): UpcasterRegistry => ({
  with: (type, fromSchemaVersion, upcaster) => {
    if (
      !Number.isSafeInteger(fromSchemaVersion) ||
      fromSchemaVersion < 0 ||
      fromSchemaVersion >= CURRENT_SCHEMA_VERSION
    )
      throw new RangeError(
        `An upcaster of ${type} must start from a schema version between 0 and ${CURRENT_SCHEMA_VERSION - 1} (the current one is ${CURRENT_SCHEMA_VERSION}); got ${fromSchemaVersion}.`,
      );
    return registryOf(new Map([...entries, [keyOf(type, fromSchemaVersion), upcaster]]));
  },
  find: (type, fromSchemaVersion) => entries.get(keyOf(type, fromSchemaVersion)),
});

/** A registry with no upcasters: old events are read as if written in the current schema. */
export const emptyUpcasters: UpcasterRegistry = registryOf(new Map());

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The data of an event written in `fromSchemaVersion`, brought to the current schema by
 * chaining one upcaster per version. A version with no upcaster for the type leaves the data
 * as it was: schema versions are global, and most types do not change between two of them.
 */
export const upcast = (
  registry: UpcasterRegistry,
  type: string,
  fromSchemaVersion: number,
  data: unknown,
): E.Either<string, unknown> => {
  let current = data;
  for (let version = fromSchemaVersion; version < CURRENT_SCHEMA_VERSION; version += 1) {
    const upcaster = registry.find(type, version);
    if (upcaster === undefined) continue;
    try {
      current = upcaster(current);
    } catch (error) {
      return E.left(`upcasting ${type} from schema version ${version} failed: ${messageOf(error)}`);
    }
  }
  return E.right(current);
};
