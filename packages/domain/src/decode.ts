import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import * as t from 'io-ts';
import { type CompiledDecoder, compileDecoder, NOT_DECODED } from './codecs/compile-decoder';
import { amountFields } from './codecs/primitives';
import { type Command, commandCodecs, isCommandType } from './commands';
import { type DomainError, domainError } from './errors';
import { type Event, eventCodecs, eventTypes, isEventType } from './events';

/** One reason a value was refused, with the path to the field (`data.amount`). */
export interface DecodeProblem {
  readonly path: string;
  readonly expected: string;
  readonly actual: string;
}

/** Why decoding failed, as one readable message and as a list of problems. */
export interface DecodeError {
  readonly message: string;
  readonly problems: readonly DecodeProblem[];
}

const MAX_SHOWN = 60;

const show = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  let text: string;
  try {
    text =
      typeof value === 'function' || typeof value === 'symbol'
        ? typeof value
        : JSON.stringify(value);
  } catch {
    text = typeof value;
  }
  return text.length > MAX_SHOWN
    ? `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)`
    : text;
};

// io-ts adds the member index of an intersection (the required and the optional half of
// each record) to the path; a person does not need it.
const isIntersectionMember = (entry: t.ContextEntry): boolean =>
  /^\d+$/.test(entry.key) &&
  (entry.type instanceof t.InterfaceType || entry.type instanceof t.PartialType);

const pathOf = (context: t.Context): string =>
  context
    .filter((entry) => entry.key !== '' && !isIntersectionMember(entry))
    .map((entry) => entry.key)
    .join('.');

// A union fails once per member; a person wants one line naming what the union accepts.
const upToUnion = (context: t.Context): t.Context => {
  const union = context.findIndex((entry) => entry.type instanceof t.UnionType);
  return union === -1 ? context : context.slice(0, union + 1);
};

const problemsOf = (errors: t.Errors, prefix: string): DecodeProblem[] => {
  const seen = new Set<string>();
  return errors.flatMap((error) => {
    const context = upToUnion(error.context);
    const last = context[context.length - 1];
    const path = [prefix, pathOf(context)].filter((p) => p !== '').join('.');
    const problem = { path, expected: last?.type.name ?? 'a value', actual: show(last?.actual) };
    const key = `${problem.path}\u0000${problem.expected}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [problem];
  });
};

const describe = (problem: DecodeProblem): string =>
  `${problem.path === '' ? 'value' : problem.path}: expected ${problem.expected}, got ${problem.actual}`;

const decodeError = (problems: readonly DecodeProblem[]): DecodeError => ({
  message: problems.map(describe).join('; '),
  problems,
});

/** Decodes `input` with any codec, turning io-ts errors into a readable DecodeError. */
export const decodeWith = <A>(
  codec: t.Decoder<unknown, A>,
  input: unknown,
): E.Either<DecodeError, A> =>
  pipe(
    codec.decode(input),
    E.mapLeft((errors) => decodeError(problemsOf(errors, ''))),
  );

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const typeProblem = (u: unknown, kinds: readonly string[]): DecodeProblem => ({
  path: 'type',
  expected: `one of ${kinds.join(', ')}`,
  actual: isRecord(u) ? show(u['type']) : show(u),
});

/**
 * `decodeEvent` with the io-ts codecs alone: what the compiled decoders must agree with,
 * and what gives the error when they refuse. Exported for the tests, not on the index.
 */
export const decodeEventWithIoTs = (input: unknown): E.Either<DecodeError, Event> => {
  if (!isRecord(input))
    return E.left(
      decodeError([{ path: '', expected: 'an event { type, data }', actual: show(input) }]),
    );
  const type = input['type'];
  if (typeof type !== 'string' || !isEventType(type))
    return E.left(decodeError([typeProblem(input, eventTypes)]));
  const codec: t.Decoder<unknown, Event> = eventCodecs[type];
  return decodeWith(codec, input);
};

// Compiled once, at load: decoding stored events is most of the cost of reading them back.
const compiledEvents: ReadonlyMap<string, CompiledDecoder<Event>> = new Map(
  eventTypes.map((type) => [type, compileDecoder<Event>(eventCodecs[type])]),
);

/**
 * Decodes an unknown value into a v1 event, or says which fields are wrong and why. A valid
 * event takes the compiled decoder; anything it refuses is decoded again by io-ts, which
 * says why, so values and errors are io-ts's own (codecs/compile-decoder.ts).
 */
export const decodeEvent = (input: unknown): E.Either<DecodeError, Event> => {
  if (isRecord(input)) {
    const type = input['type'];
    const decoded = typeof type === 'string' ? compiledEvents.get(type)?.(input) : undefined;
    if (decoded !== undefined && decoded !== NOT_DECODED) return E.right(decoded);
  }
  return decodeEventWithIoTs(input);
};

const commandTypes = Object.keys(commandCodecs);

const rejectCommand = (type: string, problems: readonly DecodeProblem[]): DomainError => {
  const onMoney = problems.some((p) => amountFields.has(p.path.split('.').pop() ?? ''));
  return domainError(
    onMoney ? 'INVALID_AMOUNT' : 'INVALID_COMMAND',
    `${type} was refused: ${decodeError(problems).message}. Correct the field and send the command again.`,
  );
};

/**
 * Decodes an unknown value into a command. A refused amount is INVALID_AMOUNT; anything
 * else malformed, or an unknown command type, is INVALID_COMMAND (docs/domain.md, "Commands").
 */
export const decodeCommand = (input: unknown): E.Either<DomainError, Command> => {
  if (!isRecord(input))
    return E.left(
      rejectCommand('The command', [
        { path: '', expected: 'a command { type, data }', actual: show(input) },
      ]),
    );
  const type = input['type'];
  if (typeof type !== 'string' || !isCommandType(type))
    return E.left(rejectCommand('The command', [typeProblem(input, commandTypes)]));
  const decoded: t.Validation<Command> = commandCodecs[type].decode(input);
  return pipe(
    decoded,
    E.mapLeft((errors) => rejectCommand(type, problemsOf(errors, ''))),
  );
};
