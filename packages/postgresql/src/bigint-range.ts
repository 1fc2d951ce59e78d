/** PostgreSQL's bigint maximum: no revision or global position stored can exceed it. */
export const BIGINT_MAX = 9_223_372_036_854_775_807n;

/**
 * A revision or position the port accepts (up to 2^64 − 1) as a bigint parameter. Values above
 * BIGINT_MAX are beyond every stored row, so BIGINT_MAX selects and compares the same rows.
 */
export const toBigintParameter = (value: bigint): string =>
  (value > BIGINT_MAX ? BIGINT_MAX : value).toString();
