const PREFIX = 'order-';

/** The stream of one order's case: `order-<orderId>`. */
export const orderStreamName = (orderId: string): string => `${PREFIX}${orderId}`;

/** The order id of an `order-<orderId>` stream, or undefined for any other stream. */
export const orderIdOfStream = (streamName: string): string | undefined =>
  streamName.startsWith(PREFIX) && streamName.length > PREFIX.length
    ? streamName.slice(PREFIX.length)
    : undefined;

/** Streams whose names start with `$` are system streams; reads of `$all` skip them. */
export const isSystemStream = (streamName: string): boolean => streamName.startsWith('$');

export const ORDER_STREAM_PREFIX = PREFIX;
