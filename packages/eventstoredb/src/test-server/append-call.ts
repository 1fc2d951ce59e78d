/**
 * PROTOCOL TEST DOUBLE — `Streams.Append`, the client-streaming append: one message with the
 * options (stream, expected revision), then one per proposed event. The answer is a normal
 * `AppendResp`: `success` with the current revision and position of the last event, or
 * `wrong_expected_version` with the current `current_*` / `expected_*` fields (not the
 * deprecated `*_2060` ones, which the client does not read).
 */
import * as grpc from '@grpc/grpc-js';
import { Empty, UUID } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type {
  AppendOutcome,
  CurrentStreamState,
  ExpectedStreamState,
  ProposedEvent,
  ProtocolLog,
} from './log';
import { streamNameOf } from './messages';

/** A request the double refuses as INVALID_ARGUMENT. */
export class BadAppend extends Error {
  constructor(
    message: string,
    readonly exception?: { readonly name: string; readonly properties: string },
  ) {
    super(message);
  }
}

const hex64 = (bits: string): string =>
  BigInt.asUintN(64, BigInt(bits)).toString(16).padStart(16, '0');

export const uuidText = (uuid: UUID | undefined): string => {
  const structured = uuid?.getStructured();
  if (structured !== undefined) {
    const h =
      hex64(structured.getMostSignificantBits()) + hex64(structured.getLeastSignificantBits());
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  const text = uuid?.getString() ?? '';
  if (text === '') throw new BadAppend('a proposed event has no id');
  return text;
};

const expectedOf = (options: AppendReq.Options): ExpectedStreamState => {
  switch (options.getExpectedStreamRevisionCase()) {
    case AppendReq.Options.ExpectedStreamRevisionCase.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case AppendReq.Options.ExpectedStreamRevisionCase.NO_STREAM:
      return { kind: 'no-stream' };
    case AppendReq.Options.ExpectedStreamRevisionCase.STREAM_EXISTS:
      return { kind: 'stream-exists' };
    case AppendReq.Options.ExpectedStreamRevisionCase.ANY:
      return { kind: 'any' };
    case AppendReq.Options.ExpectedStreamRevisionCase.EXPECTED_STREAM_REVISION_NOT_SET:
      throw new BadAppend('the append has no expected revision');
  }
};

/** What `Streams.Append` and `Streams.BatchAppend` propose alike. */
export interface ProposedMessage {
  getId(): UUID | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

export const proposedOf = (message: ProposedMessage): ProposedEvent => {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (type === undefined || contentType === undefined) {
    throw new BadAppend('a proposed event lacks the type or content-type metadata', {
      name: 'missing-required-metadata-property',
      properties: 'type,content-type',
    });
  }
  return {
    id: uuidText(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
};

const setCurrent = (
  current: CurrentStreamState,
  onRevision: (revision: string) => void,
  onNoStream: (empty: Empty) => void,
): void => {
  if (current === 'no-stream') onNoStream(new Empty());
  else onRevision(current.toString());
};

const wrongExpectedVersion = (
  current: CurrentStreamState,
  expected: ExpectedStreamState,
): AppendResp.WrongExpectedVersion => {
  const reply = new AppendResp.WrongExpectedVersion();
  setCurrent(
    current,
    (revision) => reply.setCurrentRevision(revision),
    (empty) => reply.setCurrentNoStream(empty),
  );
  switch (expected.kind) {
    case 'revision':
      reply.setExpectedRevision(expected.revision.toString());
      break;
    case 'no-stream':
      reply.setExpectedNoStream(new Empty());
      break;
    case 'stream-exists':
      reply.setExpectedStreamExists(new Empty());
      break;
    case 'any':
      reply.setExpectedAny(new Empty());
      break;
  }
  return reply;
};

const responseOf = (outcome: AppendOutcome): AppendResp => {
  if (outcome.kind === 'wrong-expected-version') {
    return new AppendResp().setWrongExpectedVersion(
      wrongExpectedVersion(outcome.current, outcome.expected),
    );
  }
  const success = new AppendResp.Success();
  setCurrent(
    outcome.current,
    (revision) => success.setCurrentRevision(revision),
    (empty) => success.setNoStream(empty),
  );
  if (outcome.position === undefined) success.setNoPosition(new Empty());
  else {
    const position = outcome.position.toString();
    success.setPosition(
      new AppendResp.Position().setCommitPosition(position).setPreparePosition(position),
    );
  }
  return new AppendResp().setSuccess(success);
};

export const invalidArgument = (error: BadAppend): grpc.ServerErrorResponse => {
  const metadata = new grpc.Metadata();
  if (error.exception !== undefined) {
    metadata.set('exception', error.exception.name);
    metadata.set('required-metadata-properties', error.exception.properties);
  }
  return Object.assign(new Error(error.message), {
    code: grpc.status.INVALID_ARGUMENT,
    details: error.message,
    metadata,
  });
};

export const appendCall =
  (log: ProtocolLog): grpc.handleClientStreamingCall<AppendReq, AppendResp> =>
  (call, callback) => {
    let streamName: string | undefined;
    let expected: ExpectedStreamState | undefined;
    const proposed: ProposedEvent[] = [];
    let failure: BadAppend | undefined;

    call.on('data', (request: AppendReq) => {
      if (failure !== undefined) return;
      try {
        const options = request.getOptions();
        const message = request.getProposedMessage();
        if (options !== undefined) {
          streamName = streamNameOf(options.getStreamIdentifier());
          expected = expectedOf(options);
        } else if (message !== undefined) proposed.push(proposedOf(message));
      } catch (error) {
        failure = error instanceof BadAppend ? error : new BadAppend(String(error));
      }
    });
    // A cancelled append writes nothing; there is no one left to answer.
    call.on('error', () => undefined);
    call.on('end', () => {
      if (failure === undefined && (streamName === undefined || streamName === '')) {
        failure = new BadAppend('the append names no stream');
      }
      if (failure !== undefined || streamName === undefined || expected === undefined) {
        callback(invalidArgument(failure ?? new BadAppend('the append has no options')));
        return;
      }
      callback(null, responseOf(log.append(streamName, expected, proposed)));
    });
  };
