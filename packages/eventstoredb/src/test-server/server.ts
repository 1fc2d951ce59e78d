/**
 * PROTOCOL TEST DOUBLE — not a database. A small gRPC server on 127.0.0.1 that speaks the
 * part of the EventStoreDB protocol this library uses (see docs/eventstoredb.md, "The protocol
 * test double"), built on the client's own generated service definitions so that the real
 * `@eventstore/db-client` can be driven in tests, examples and benchmarks on machines without
 * an EventStoreDB server. State lives in memory and is lost on `stop()`.
 */
import * as grpc from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendCall } from './append-call';
import { batchAppendCall } from './batch-append-call';
import { ProtocolLog } from './log';
import { readCall } from './read-call';
import { getSupportedMethodsCall } from './server-features';

export interface EventStoreDBTestServerOptions {
  /** The clock stamped into `created`; default the system clock. */
  readonly now?: () => Date;
  /**
   * Whether the double speaks and advertises `Streams.BatchAppend`, as real servers from 21.10
   * on do (then both clients append with it); default true. False leaves `Streams.Append`,
   * the path of older servers.
   */
  readonly batchAppend?: boolean;
}

export interface EventStoreDBTestServer {
  /** `esdb://127.0.0.1:<port>?tls=false`: one insecure channel, no gossip. */
  readonly connectionString: string;
  readonly port: number;
  /** Forgets every event (positions start again at 0); connections stay open. */
  reset(): void;
  /** The number of live subscriptions the server is feeding (they end when cancelled). */
  subscriptionCount(): number;
  /** Stops at once: open calls fail on the client side, as when a server goes away. */
  stop(): Promise<void>;
}

const bind = (server: grpc.Server): Promise<number> =>
  new Promise((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
      if (error === null) resolve(port);
      else reject(error);
    });
  });

/** Starts the protocol test double on an ephemeral port. */
export const startEventStoreDBTestServer = async (
  options: EventStoreDBTestServerOptions = {},
): Promise<EventStoreDBTestServer> => {
  const log = new ProtocolLog(options.now ?? (() => new Date()));
  const server = new grpc.Server();
  const batchAppend = options.batchAppend ?? true;
  server.addService(ServerFeaturesService, {
    getSupportedMethods: getSupportedMethodsCall(batchAppend),
  });
  server.addService(StreamsService, {
    read: readCall(log),
    append: appendCall(log),
    ...(batchAppend ? { batchAppend: batchAppendCall(log) } : {}),
  });
  const port = await bind(server);
  let stopped = false;
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    reset: () => {
      log.reset();
    },
    subscriptionCount: () => log.listenerCount,
    stop: () => {
      if (!stopped) {
        stopped = true;
        server.forceShutdown();
      }
      return Promise.resolve();
    },
  };
};
