import type { Event } from '@order-liability/domain';
import type { InvalidEntry } from './report';

/** A record as read from an export line: type and data are still to be checked. */
export interface RawItem {
  readonly kind: 'raw';
  readonly line?: number;
  readonly streamId: string;
  readonly revision: number;
  readonly type: unknown;
  readonly data: unknown;
  /** The line's metadata as given (kept for import; the audit does not use it). */
  readonly metadata: unknown;
}

/** An event a store already decoded. */
export interface DecodedItem {
  readonly kind: 'decoded';
  readonly streamId: string;
  readonly revision: number;
  readonly event: Event;
}

/** Something the source could not read as a record at all. */
export interface InvalidItem {
  readonly kind: 'invalid';
  readonly entry: InvalidEntry;
}

/**
 * A line of an export not parsed yet: the replay parses it when it gets to it, and a
 * partitioned audit can sort it to its partition without parsing it twice.
 */
export interface LineItem {
  readonly kind: 'line';
  /** 1-based line number in the file, when it came from a file. */
  readonly line?: number;
  readonly text: string;
}

/** An item once its line, if any, is parsed. */
export type ParsedItem = RawItem | DecodedItem | InvalidItem;

/** What a source (an export file, a store) hands to the replay, in global order. */
export type SourceItem = LineItem | ParsedItem;
