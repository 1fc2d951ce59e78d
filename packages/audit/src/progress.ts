/** How far an audit is, for a progress bar. */
export interface AuditProgressEvent {
  /** Records read so far (both passes when partitioned). */
  readonly records: number;
  readonly events: number;
  readonly invalid: number;
  /** Share of the work done, 0..1, when it can be told (file input); else undefined. */
  readonly fraction: number | undefined;
}

export type ProgressListener = (progress: AuditProgressEvent) => void;

/** Calls `listener` every `every` ticks, so the hot loop pays one decrement per record. */
export class ProgressTicker {
  private untilNext: number;

  constructor(
    private readonly listener: ProgressListener | undefined,
    private readonly every: number,
  ) {
    this.untilNext = every;
  }

  tick(progress: () => AuditProgressEvent): void {
    if (this.listener === undefined || --this.untilNext > 0) return;
    this.untilNext = this.every;
    this.listener(progress());
  }

  now(progress: AuditProgressEvent): void {
    this.listener?.(progress);
  }
}
