/**
 * PROTOCOL TEST DOUBLE — `Streams.BatchAppend`, the bidirectional append that servers from
 * 21.10 on advertise and both clients prefer: each request carries a correlation id, the first
 * one of an append its options (stream, expected position), every one some proposed messages;
 * `is_final` closes the append. The answer per append carries the correlation id and stream,
 * and either `success` (current revision, position) or `error`, a google.rpc.Status whose
 * details pack `event_store.client.WrongExpectedVersion`, as the server sends them. A request
 * the double cannot read ends the whole call with INVALID_ARGUMENT, as on `Streams.Append`.
 */
import type * as grpc from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import {
  AllStreamPosition,
  WrongExpectedVersion,
  type UUID,
} from '@eventstore/db-client/generated/shared_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import { BadAppend, invalidArgument, proposedOf, uuidText } from './append-call';
import type { AppendOutcome, ExpectedStreamState, ProposedEvent, ProtocolLog } from './log';
import { streamIdentifier, streamNameOf } from './messages';

interface PendingAppend {
  readonly correlationId: UUID | undefined;
  readonly streamName: string;
  readonly expected: ExpectedStreamState;
  readonly proposed: ProposedEvent[];
}

const WRONG_EXPECTED_VERSION = 'event_store.client.WrongExpectedVersion';

const expectedOf = (options: BatchAppendReq.Options): ExpectedStreamState => {
  switch (options.getExpectedStreamPositionCase()) {
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_POSITION:
      return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.NO_STREAM:
      return { kind: 'no-stream' };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_EXISTS:
      return { kind: 'stream-exists' };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.ANY:
      return { kind: 'any' };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.EXPECTED_STREAM_POSITION_NOT_SET:
      throw new BadAppend('the batch append has no expected stream position');
  }
};

const wrongExpectedVersionStatus = (
  outcome: Extract<AppendOutcome, { kind: 'wrong-expected-version' }>,
): Status => {
  const details = new WrongExpectedVersion();
  if (outcome.current === 'no-stream') details.setCurrentNoStream(new Empty());
  else details.setCurrentStreamRevision(outcome.current.toString());
  const { expected } = outcome;
  switch (expected.kind) {
    case 'revision':
      details.setExpectedStreamPosition(expected.revision.toString());
      break;
    case 'no-stream':
      details.setExpectedNoStream(new Empty());
      break;
    case 'stream-exists':
      details.setExpectedStreamExists(new Empty());
      break;
    case 'any':
      details.setExpectedAny(new Empty());
      break;
  }
  const packed = new Any();
  packed.pack(details.serializeBinary(), WRONG_EXPECTED_VERSION);
  return new Status()
    .setCode(Code.FAILED_PRECONDITION)
    .setMessage('WrongExpectedVersion')
    .setDetails(packed);
};

const setExpected = (response: BatchAppendResp, expected: ExpectedStreamState): void => {
  switch (expected.kind) {
    case 'revision':
      response.setStreamPosition(expected.revision.toString());
      break;
    case 'no-stream':
      response.setNoStream(new Empty());
      break;
    case 'stream-exists':
      response.setStreamExists(new Empty());
      break;
    case 'any':
      response.setAny(new Empty());
      break;
  }
};

const responseOf = (append: PendingAppend, outcome: AppendOutcome): BatchAppendResp => {
  const response = new BatchAppendResp()
    .setCorrelationId(append.correlationId)
    .setStreamIdentifier(streamIdentifier(append.streamName));
  setExpected(response, append.expected);
  if (outcome.kind === 'wrong-expected-version') {
    return response.setError(wrongExpectedVersionStatus(outcome));
  }
  const success = new BatchAppendResp.Success();
  if (outcome.current === 'no-stream') success.setNoStream(new Empty());
  else success.setCurrentRevision(outcome.current.toString());
  if (outcome.position === undefined) success.setNoPosition(new Empty());
  else {
    const position = outcome.position.toString();
    success.setPosition(
      new AllStreamPosition().setCommitPosition(position).setPreparePosition(position),
    );
  }
  return response.setSuccess(success);
};

const startAppend = (request: BatchAppendReq): PendingAppend => {
  const options = request.getOptions();
  if (options === undefined)
    throw new BadAppend('the first request of a batch append has no options');
  const streamName = streamNameOf(options.getStreamIdentifier());
  if (streamName === undefined || streamName === '') {
    throw new BadAppend('the batch append names no stream');
  }
  return {
    correlationId: request.getCorrelationId(),
    streamName,
    expected: expectedOf(options),
    proposed: [],
  };
};

export const batchAppendCall =
  (log: ProtocolLog): grpc.handleBidiStreamingCall<BatchAppendReq, BatchAppendResp> =>
  (call) => {
    // Appends in progress by correlation id: a client multiplexes them on one call.
    const pending = new Map<string, PendingAppend>();
    let failed = false;

    call.on('data', (request: BatchAppendReq) => {
      if (failed) return;
      try {
        const key = uuidText(request.getCorrelationId());
        const append = pending.get(key) ?? startAppend(request);
        pending.set(key, append);
        for (const message of request.getProposedMessagesList()) {
          append.proposed.push(proposedOf(message));
        }
        if (request.getIsFinal()) {
          pending.delete(key);
          call.write(
            responseOf(append, log.append(append.streamName, append.expected, append.proposed)),
          );
        }
      } catch (error) {
        failed = true;
        call.emit(
          'error',
          invalidArgument(error instanceof BadAppend ? error : new BadAppend(String(error))),
        );
      }
    });
    // A cancelled call writes nothing more; there is no one left to answer.
    call.on('error', () => undefined);
    call.on('end', () => {
      if (!failed) call.end();
    });
  };
