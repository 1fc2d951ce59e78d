import { type Readable, Writable } from 'node:stream';
import type { EventStore } from '@order-liability/store';
import type { CliIo, StoreSource } from '../cli/cli-io';

export interface Captured {
  readonly io: CliIo;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** The stores the command line asked for. */
  readonly opened: StoreSource[];
}

const collector = (): { readonly stream: Writable; readonly text: () => string } => {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
};

/**
 * In-process I/O for the command line; every --eventstore/--postgres opens `store`, and
 * `--input -` reads `stdin`.
 */
export const captureIo = (store?: EventStore, tty = false, stdin?: Readable): Captured => {
  const stdout = collector();
  const stderr = collector();
  const opened: StoreSource[] = [];
  return {
    io: {
      ...(stdin === undefined ? {} : { stdin }),
      stdout: stdout.stream,
      stderr: Object.assign(stderr.stream, { isTTY: tty }),
      openStore: (source) => {
        opened.push(source);
        if (store === undefined) return Promise.reject(new Error('no store in this test'));
        // The command closes the store it opened; keep this one for the next command.
        const kept: EventStore = {
          appendToStream: (name, events, options) => store.appendToStream(name, events, options),
          readStream: (name, options) => store.readStream(name, options),
          readAll: (options) => store.readAll(options),
          close: () => Promise.resolve(),
        };
        return Promise.resolve({ store: kept, prepareForWrites: () => Promise.resolve() });
      },
    },
    stdout: stdout.text,
    stderr: stderr.text,
    opened,
  };
};
