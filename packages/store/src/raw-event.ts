/** An event to store exactly as given, with no validation (the contract suite's `writeRaw`). */
export interface RawEventToWrite {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
}
