/**
 * PROTOCOL TEST DOUBLE — builds the gRPC messages an EventStoreDB server answers with, using
 * the client's own generated classes. int64 fields travel as decimal strings.
 */
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './log';

export const streamIdentifier = (streamName: string): StreamIdentifier =>
  new StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8'));

export const streamNameOf = (identifier: StreamIdentifier | undefined): string | undefined =>
  identifier === undefined
    ? undefined
    : Buffer.from(identifier.getStreamName_asU8()).toString('utf8');

/** A read or subscription answer carrying one recorded event. */
export const eventMessage = (event: StoredEvent): ReadResp => {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id))
    .setStreamIdentifier(streamIdentifier(event.streamName))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.toString())
    .setPreparePosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  const metadata = recorded.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('content-type', event.contentType);
  metadata.set('created', event.created.toString());
  const read = new ReadResp.ReadEvent()
    .setEvent(recorded)
    .setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(read);
};

export const streamNotFoundMessage = (streamName: string): ReadResp =>
  new ReadResp().setStreamNotFound(
    new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamName)),
  );

export const confirmationMessage = (subscriptionId: string): ReadResp =>
  new ReadResp().setConfirmation(
    new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId),
  );

export const caughtUpMessage = (): ReadResp => new ReadResp().setCaughtUp(new ReadResp.CaughtUp());

export const empty = (): Empty => new Empty();
