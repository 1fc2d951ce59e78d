import * as E from 'fp-ts/Either';
import {
  type Command,
  decide,
  type DomainError,
  type Event,
  evolve,
  initialState,
  type OrderState,
  type PolicyOverride,
} from '@order-liability/domain';

/** The events a sequence of commands decided, and the commands the domain refused. */
export interface RecordedHistory {
  readonly events: readonly Event[];
  readonly state: OrderState;
  readonly rejected: readonly { readonly command: Command; readonly error: DomainError }[];
}

/**
 * Runs commands through the domain's `decide` and `evolve`, as the command handler would,
 * so the history is legal by construction. A refused command records nothing and is
 * listed in `rejected`; the next command is decided against the unchanged state.
 */
export const recordHistory = (
  commands: Iterable<Command>,
  policy?: PolicyOverride,
): RecordedHistory => {
  let state = initialState;
  const events: Event[] = [];
  const rejected: { command: Command; error: DomainError }[] = [];
  for (const command of commands) {
    const decided = decide(command, state, policy);
    if (E.isLeft(decided)) {
      rejected.push({ command, error: decided.left });
      continue;
    }
    for (const event of decided.right) {
      state = evolve(state, event);
      events.push(event);
    }
  }
  return { events, state, rejected };
};
