import { globalSetup as startTestPostgres } from '../packages/postgresql/src/testing/jest-global-setup';
import { installChromiumIfMissing } from './install-chromium';

/**
 * Jest's global setup for the whole repository: what the tests need is brought here, once,
 * before the workers start — Chromium for the browser tests, and one PostgreSQL server.
 */
export const globalSetup = async (): Promise<void> => {
  installChromiumIfMissing((line) => {
    process.stderr.write(`${line}\n`);
  });
  await startTestPostgres();
};

// Jest calls the module's default export: the one exception to named exports only.
export { globalSetup as default };
