/** The variable through which the Jest global setup hands the test server to the tests. */
export const TEST_POSTGRES_ENV = 'ORDER_LIABILITY_TEST_POSTGRES';

/** A user's own server: when set, tests run against it and nothing is started. */
export const USER_POSTGRES_ENV = 'POSTGRES_CONNECTION_STRING';
