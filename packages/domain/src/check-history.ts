import type { Event } from './events';
import { fold } from './evolve';
import type { HistoryProblem } from './history-problem';

/**
 * Every event of a stored history that `decide` would have refused at its place, with its
 * index and the refusal's code: the events `fold` skipped. Empty for a consistent history,
 * which is every history `decide` produced.
 */
export const checkHistory = (events: Iterable<Event>): readonly HistoryProblem[] =>
  fold(events).skipped;
