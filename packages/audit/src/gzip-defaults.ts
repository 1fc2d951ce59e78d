// The gzip limits' defaults on their own, so that the command line's help can show them
// without loading the reader (zlib, streams, file handles).

/** Default of --max-inflate-ratio. */
export const DEFAULT_MAX_INFLATE_RATIO = 100;
/** Default of --max-inflated-bytes: 64 GiB. */
export const DEFAULT_MAX_INFLATED_BYTES = 64 * 1024 ** 3;
