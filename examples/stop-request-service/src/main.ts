// `pnpm --filter @order-liability/stop-request-service start` (or `tsx src/main.ts`): the
// service configured from environment variables (README, "Configuration"), until SIGINT/SIGTERM.
import { ConfigError, loadConfig } from './config';
import { startService } from './service';

const main = async (): Promise<void> => {
  const service = await startService(loadConfig());
  process.stdout.write(
    `Stop-request service on ${service.url}, store: ${service.storeDescription}\n`,
  );
  const stop = (): void => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `The service did not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
