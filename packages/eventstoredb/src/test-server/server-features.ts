/**
 * PROTOCOL TEST DOUBLE — `ServerFeatures.GetSupportedMethods`. The client asks before its first
 * append; it uses `Streams.BatchAppend` only when that method is listed. The double lists
 * `Streams.Read`, `Streams.Append` and, as real servers from 21.10 on do, `Streams.BatchAppend`
 * (unless started without it, to drive the older `Streams.Append` path).
 */
import type * as grpc from '@grpc/grpc-js';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import {
  SupportedMethod,
  SupportedMethods,
} from '@eventstore/db-client/generated/serverfeatures_pb';

const STREAMS_SERVICE = 'event_store.client.streams.Streams';

export const TEST_SERVER_VERSION = '0.0.0-protocol-test-double';

export const getSupportedMethodsCall =
  (batchAppend: boolean): grpc.handleUnaryCall<Empty, SupportedMethods> =>
  (_call, callback) => {
    const methods = ['read', 'append', ...(batchAppend ? ['batchappend'] : [])].map((name) =>
      new SupportedMethod().setServiceName(STREAMS_SERVICE).setMethodName(name),
    );
    callback(
      null,
      new SupportedMethods()
        .setMethodsList(methods)
        .setEventStoreServerVersion(TEST_SERVER_VERSION),
    );
  };
