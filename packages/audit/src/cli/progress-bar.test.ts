import { Writable } from 'node:stream';
import { createProgressBar, etaSeconds, formatSeconds } from './progress-bar';

describe('the progress bar (issue 13)', () => {
  it('estimates what is left from the pace of the bytes of the phase so far', () => {
    // A quarter of the bytes in 10 s: 30 s to go.
    expect(etaSeconds(10_000, 0, 0.25)).toBe(30);
    // The replay began at 0 of its own bytes; half done in 20 s: 20 s to go.
    expect(etaSeconds(20_000, 0, 0.5)).toBe(20);
    // A phase that began at 40 % and is at 60 % after 8 s: 16 s to go.
    expect(etaSeconds(8_000, 0.4, 0.6)).toBeCloseTo(16, 10);
    expect(etaSeconds(0, 0, 0)).toBeUndefined();
  });

  it('writes the ETA as a person reads it', () => {
    expect([formatSeconds(42.4), formatSeconds(185), formatSeconds(3720)]).toEqual([
      '42s',
      '3m 05s',
      '1h 02m',
    ]);
  });

  it('shows records once and the ETA of the phase on a terminal', () => {
    let text = '';
    const stream = Object.assign(
      new Writable({
        write(chunk: Buffer | string, _encoding, done) {
          text += chunk.toString();
          done();
        },
      }),
      { isTTY: true },
    );
    let time = 0;
    const bar = createProgressBar(stream, () => time);
    bar.update({ phase: 'read', records: 0, events: 0, invalid: 0, fraction: 0 });
    time = 10_000;
    bar.update({ phase: 'read', records: 998_451, events: 0, invalid: 0, fraction: 0.25 });
    bar.stop();
    expect(text).toContain('998,451 records | 99,845 records/s | ETA 30s');
  });
});
