/**
 * PROTOCOL TEST DOUBLE — `Streams.Read`, one server-streaming call for every kind of read,
 * told apart by `ReadReq.Options`: a stream or `$all`, a `count` (a read that ends) or a
 * `subscription` (confirmation, past events, caught_up, then live events until cancelled),
 * forwards or backwards. A missing stream is answered with a `stream_not_found` message.
 * Subscriptions to a single stream are not covered (UNIMPLEMENTED).
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { filterOf, type EventFilter } from './filter';
import type { ProtocolLog, StoredEvent } from './log';
import {
  caughtUpMessage,
  confirmationMessage,
  eventMessage,
  streamNameOf,
  streamNotFoundMessage,
} from './messages';
import {
  selectFromAll,
  selectFromStream,
  selectSubscriptionPast,
  type AllStart,
  type Direction,
  type StreamStart,
} from './selection';

type ReadCall = grpc.ServerWritableStream<ReadReq, ReadResp>;

class BadRead extends Error {
  constructor(
    message: string,
    readonly code: grpc.status = grpc.status.INVALID_ARGUMENT,
  ) {
    super(message);
  }
}

const directionOf = (options: ReadReq.Options): Direction =>
  options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS ? 'backwards' : 'forwards';

const streamStartOf = (stream: ReadReq.Options.StreamOptions): StreamStart => {
  switch (stream.getRevisionOptionCase()) {
    case ReadReq.Options.StreamOptions.RevisionOptionCase.REVISION:
      return BigInt(stream.getRevision());
    case ReadReq.Options.StreamOptions.RevisionOptionCase.END:
      return 'end';
    case ReadReq.Options.StreamOptions.RevisionOptionCase.START:
    case ReadReq.Options.StreamOptions.RevisionOptionCase.REVISION_OPTION_NOT_SET:
      return 'start';
  }
};

const allStartOf = (all: ReadReq.Options.AllOptions): AllStart => {
  const position = all.getPosition();
  if (position !== undefined) {
    return {
      commit: BigInt(position.getCommitPosition()),
      prepare: BigInt(position.getPreparePosition()),
    };
  }
  return all.hasEnd() ? 'end' : 'start';
};

const countOf = (options: ReadReq.Options): number => {
  const count = BigInt(options.getCount());
  return count > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(count);
};

const writeEvents = (call: ReadCall, events: readonly StoredEvent[], count: number): void => {
  for (const event of events.slice(0, count)) call.write(eventMessage(event));
};

const readStream = (log: ProtocolLog, call: ReadCall, options: ReadReq.Options): void => {
  const stream = options.getStream();
  const streamName = streamNameOf(stream?.getStreamIdentifier());
  if (stream === undefined || streamName === undefined) throw new BadRead('no stream to read');
  if (options.hasSubscription()) {
    throw new BadRead('the test double has no stream subscriptions', grpc.status.UNIMPLEMENTED);
  }
  const events = log.stream(streamName);
  if (events === undefined) call.write(streamNotFoundMessage(streamName));
  else {
    writeEvents(
      call,
      selectFromStream(events, streamStartOf(stream), directionOf(options)),
      countOf(options),
    );
  }
  call.end();
};

const readAll = (
  log: ProtocolLog,
  call: ReadCall,
  options: ReadReq.Options,
  filter: EventFilter,
) => {
  const all = options.getAll();
  if (all === undefined) throw new BadRead('no $all options');
  const selected = selectFromAll(log.events(), allStartOf(all), directionOf(options));
  writeEvents(call, selected.filter(filter), countOf(options));
  call.end();
};

const subscribeToAll = (
  log: ProtocolLog,
  call: ReadCall,
  options: ReadReq.Options,
  filter: EventFilter,
): void => {
  const all = options.getAll();
  if (all === undefined) throw new BadRead('no $all options');
  call.write(confirmationMessage(randomUUID()));
  // Past events and the live listener are taken in one turn of the event loop, so no append
  // can fall between them.
  for (const event of selectSubscriptionPast(log.events(), allStartOf(all))) {
    if (filter(event)) call.write(eventMessage(event));
  }
  call.write(caughtUpMessage());
  const stop = log.listen((event) => {
    if (filter(event)) call.write(eventMessage(event));
  });
  call.on('cancelled', stop);
  call.on('close', stop);
  call.on('error', stop);
};

export const readCall =
  (log: ProtocolLog): grpc.handleServerStreamingCall<ReadReq, ReadResp> =>
  (call) => {
    try {
      const options = call.request.getOptions();
      if (options === undefined) throw new BadRead('the read has no options');
      if (options.hasStream()) {
        readStream(log, call, options);
        return;
      }
      let filter: EventFilter;
      try {
        filter = filterOf(options);
      } catch (error) {
        throw new BadRead(`invalid filter: ${String(error)}`);
      }
      if (options.hasSubscription()) subscribeToAll(log, call, options, filter);
      else readAll(log, call, options, filter);
    } catch (error) {
      const bad =
        error instanceof BadRead ? error : new BadRead(String(error), grpc.status.INTERNAL);
      call.emit('error', { code: bad.code, details: bad.message });
    }
  };
