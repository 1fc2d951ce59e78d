import { Presets, SingleBar } from 'cli-progress';
import type { AuditPhase, AuditProgressEvent } from '../progress';

/** A progress display for the audit; silent unless stderr is a terminal. */
export interface ProgressBar {
  update(progress: AuditProgressEvent): void;
  stop(): void;
}

const silent: ProgressBar = { update: () => undefined, stop: () => undefined };

const STEPS = 1000;

/** Seconds as a person reads them: `42s`, `3m 05s`, `1h 02m`. */
export const formatSeconds = (seconds: number): string => {
  const whole = Math.max(0, Math.round(seconds));
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${pad(whole % 60)}s`;
  return `${Math.floor(whole / 3600)}h ${pad(Math.floor((whole % 3600) / 60))}m`;
};

/**
 * Seconds left in a phase at the pace of its bytes so far: the time since the phase began
 * times what is left over what is done. Undefined until some bytes are done.
 */
export const etaSeconds = (
  elapsedMs: number,
  startFraction: number,
  fraction: number,
): number | undefined => {
  const done = fraction - startFraction;
  if (done <= 0 || elapsedMs <= 0) return undefined;
  return ((elapsedMs / 1000) * (1 - fraction)) / done;
};

const FORMATS: Readonly<Record<AuditPhase, string>> = {
  read: 'read   [{bar}] {percentage}% | {records} records | {rate} records/s | ETA {timeLeft}',
  replay: 'replay [{bar}] {percentage}% | {events} events of {records} records | ETA {timeLeft}',
};

/**
 * A cli-progress bar on `stream`, one per phase (reading the source; replaying partitions).
 * Each record counts once. The bar and its ETA follow the bytes of the phase: of the source
 * read, or of the partition files replayed. Nothing at all when the stream is not a
 * terminal, so logs and pipes stay clean.
 */
export const createProgressBar = (
  stream: NodeJS.WritableStream & { readonly isTTY?: boolean },
  now: () => number = Date.now,
): ProgressBar => {
  if (stream.isTTY !== true) return silent;
  let bar: SingleBar | undefined;
  let phase: AuditPhase | undefined;
  let phaseStarted = 0;
  let phaseStartFraction = 0;
  let phaseStartRecords = 0;
  return {
    update: (progress) => {
      const time = now();
      if (progress.phase !== phase) {
        bar?.stop();
        bar = undefined;
        phase = progress.phase;
        phaseStarted = time;
        phaseStartFraction = progress.fraction ?? 0;
        phaseStartRecords = progress.records;
      }
      const seconds = (time - phaseStarted) / 1000;
      const eta =
        progress.fraction === undefined
          ? undefined
          : etaSeconds(time - phaseStarted, phaseStartFraction, progress.fraction);
      const payload = {
        records: progress.records.toLocaleString('en-US'),
        events: progress.events.toLocaleString('en-US'),
        rate:
          seconds <= 0
            ? '0'
            : Math.round((progress.records - phaseStartRecords) / seconds).toLocaleString('en-US'),
        timeLeft: eta === undefined ? '…' : formatSeconds(eta),
      };
      const value = progress.fraction === undefined ? 0 : Math.round(progress.fraction * STEPS);
      if (bar === undefined) {
        const format =
          progress.fraction === undefined
            ? '{phase} | {records} records | {rate} records/s | {events} events'
            : FORMATS[progress.phase];
        bar = new SingleBar({ stream, hideCursor: true, fps: 5, format }, Presets.shades_classic);
        bar.start(STEPS, value, { ...payload, phase: progress.phase });
      } else bar.update(value, { ...payload, phase: progress.phase });
    },
    stop: () => {
      bar?.stop();
    },
  };
};
