import type { InvalidEntry } from '../report';

/** One invalid record as a line of text for stderr. */
export const describeInvalid = (entry: InvalidEntry): string => {
  const where = [
    ...(entry.line === undefined ? [] : [`line ${entry.line}`]),
    ...(entry.streamId === undefined ? [] : [entry.streamId]),
    ...(entry.revision === undefined ? [] : [`revision ${entry.revision}`]),
  ];
  return `invalid: ${where.length === 0 ? '' : `${where.join(', ')}: `}${entry.reason}`;
};
