import { Presets, SingleBar } from 'cli-progress';
import type { AuditProgressEvent } from '../progress';

/** A progress display for the audit; silent unless stderr is a terminal. */
export interface ProgressBar {
  update(progress: AuditProgressEvent): void;
  stop(): void;
}

const silent: ProgressBar = { update: () => undefined, stop: () => undefined };

const STEPS = 1000;

/**
 * A cli-progress bar on `stream` with events/s and (when the share done is known) an ETA,
 * or nothing at all when the stream is not a terminal, so logs and pipes stay clean.
 */
export const createProgressBar = (
  stream: NodeJS.WritableStream & { readonly isTTY?: boolean },
  now: () => number = Date.now,
): ProgressBar => {
  if (stream.isTTY !== true) return silent;
  const started = now();
  let bar: SingleBar | undefined;
  const rateOf = (records: number): string => {
    const seconds = (now() - started) / 1000;
    return seconds <= 0 ? '0' : Math.round(records / seconds).toLocaleString('en-US');
  };
  return {
    update: (progress) => {
      const payload = {
        records: progress.records.toLocaleString('en-US'),
        rate: rateOf(progress.records),
      };
      const value = progress.fraction === undefined ? 0 : Math.round(progress.fraction * STEPS);
      if (bar === undefined) {
        bar = new SingleBar(
          {
            stream,
            hideCursor: true,
            fps: 5,
            etaBuffer: 50,
            format:
              progress.fraction === undefined
                ? 'audit | {records} records | {rate} events/s'
                : 'audit [{bar}] {percentage}% | {records} records | {rate} events/s | ETA {eta_formatted}',
          },
          Presets.shades_classic,
        );
        bar.start(STEPS, value, payload);
      } else bar.update(value, payload);
    },
    stop: () => {
      bar?.stop();
    },
  };
};
