/**
 * `read`: the source is being read (a single pass replays as it reads); `replay`: a
 * partitioned audit replays its partition files, after reading the whole source.
 */
export type AuditPhase = 'read' | 'replay';

/** How far an audit is, for a progress bar. */
export interface AuditProgressEvent {
  readonly phase: AuditPhase;
  /** Records read from the source so far; each record counts once, in either phase. */
  readonly records: number;
  readonly events: number;
  readonly invalid: number;
  /**
   * Share of the phase's bytes done, 0..1: of the source file read (`read`; undefined for a
   * store or stdin), or of the partition files replayed (`replay`).
   */
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
