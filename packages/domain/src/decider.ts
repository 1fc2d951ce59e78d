import type { Command } from './commands';
import { decide } from './decide';
import type { DomainError } from './errors';
import type { Event } from './events';
import { evolve } from './evolve';
import type { PolicyOverride } from './policy';
import { initialState, type OrderState } from './state';
import type { Either } from 'fp-ts/Either';

/** The Decider of the order case: `decide`, `evolve` and `initialState` in one value. */
export interface OrderDecider {
  readonly decide: (
    command: Command,
    state: OrderState,
    policy?: PolicyOverride,
  ) => Either<DomainError, Event[]>;
  readonly evolve: (state: OrderState, event: Event) => OrderState;
  readonly initialState: OrderState;
}

export const decider: OrderDecider = { decide, evolve, initialState };
