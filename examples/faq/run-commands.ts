import * as E from 'fp-ts/Either';
import {
  type Command,
  decide,
  type Event,
  evolve,
  initialState,
  type OrderState,
} from '@order-liability/domain';

/** Runs commands through the pure decider, as a service would, and returns what happened. */
export const runCommands = (
  commands: readonly Command[],
): { events: Event[]; state: OrderState } => {
  const events: Event[] = [];
  let state = initialState;
  for (const command of commands) {
    const decided = decide(command, state);
    if (E.isLeft(decided))
      throw new Error(`${command.type} refused: ${decided.left.code} ${decided.left.message}`);
    events.push(...decided.right);
    state = decided.right.reduce(evolve, state);
  }
  return { events, state };
};
