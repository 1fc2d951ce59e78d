import * as E from 'fp-ts/Either';

/** JSON.stringify, typed as it behaves: undefined (and a function) give undefined. */
export const stringifyJson: (value: unknown) => string | undefined = JSON.stringify;

/** Parses stored JSON text (the store's own writes, so a failure is a corrupt record). */
export const parseJson = (text: string): unknown => JSON.parse(text);

/**
 * A JSON copy of `value`, or why it has none. Events are stored as JSON by every adapter, so
 * data that does not survive the trip (a bigint, a cycle) is refused before it is written.
 */
export const jsonCopy = (value: unknown): E.Either<string, unknown> => {
  try {
    const text = stringifyJson(value);
    return text !== undefined
      ? E.right(parseJson(text))
      : E.left(`data: expected JSON data, got ${typeof value}`);
  } catch (error) {
    return E.left(
      `data: expected JSON data (${error instanceof Error ? error.message : 'not serialisable'})`,
    );
  }
};
