import { takeRunningServer } from './running-server';

/** Jest global teardown: stops the embedded server the global setup started, if any. */
export const globalTeardown = async (): Promise<void> => {
  await takeRunningServer()?.stop();
};

// Jest calls the module's default export: the one exception to named exports only.
export { globalTeardown as default };
