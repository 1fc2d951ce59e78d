import { ConfigError, loadConfig } from './config';

const secrets = {
  STOP_REQUEST_LINK_SECRET: 'l'.repeat(32),
  STOP_REQUEST_API_TOKEN: 't'.repeat(32),
  STOP_REQUEST_WEBHOOK_SECRET: 'w'.repeat(32),
};

const problemsOf = (env: Record<string, string | undefined>): readonly string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('the configuration from environment variables', () => {
  it('takes the three secrets and defaults the rest: embedded PostgreSQL, 127.0.0.1:3000, links for 14 days', () => {
    expect(loadConfig(secrets)).toEqual({
      linkSecret: 'l'.repeat(32),
      apiToken: 't'.repeat(32),
      webhookSecret: 'w'.repeat(32),
      storeUrl: undefined,
      postgresSchema: undefined,
      host: '127.0.0.1',
      port: 3000,
      publicUrl: undefined,
      linkTtlHours: 336,
      bodyLimitBytes: 65536,
      logLevel: 'info',
    });
  });

  it.each([
    'postgres://u:p@db:5432/app',
    'postgresql://db/app',
    'esdb://es:2113?tls=false',
    'kurrentdb://kdb:2113',
    'kurrentdb+discover://cluster:2113',
  ])('accepts the store %s', (url) => {
    expect(loadConfig({ ...secrets, STOP_REQUEST_STORE_URL: url }).storeUrl).toBe(url);
  });

  it('reads numbers, the public URL and the log level', () => {
    const config = loadConfig({
      ...secrets,
      PORT: '8080',
      HOST: '0.0.0.0',
      STOP_REQUEST_PUBLIC_URL: 'https://stop.example.com',
      STOP_REQUEST_LINK_TTL_HOURS: '48',
      LOG_LEVEL: 'warn',
      STOP_REQUEST_POSTGRES_SCHEMA: 'stop_requests',
    });
    expect([
      config.port,
      config.host,
      config.publicUrl,
      config.linkTtlHours,
      config.logLevel,
      config.postgresSchema,
    ]).toEqual([8080, '0.0.0.0', 'https://stop.example.com', 48, 'warn', 'stop_requests']);
  });

  it('names every missing secret, an empty variable counting as missing', () => {
    expect(problemsOf({ STOP_REQUEST_LINK_SECRET: '' })).toEqual([
      'STOP_REQUEST_LINK_SECRET is required: a random text of 32 characters or more.',
      'STOP_REQUEST_API_TOKEN is required: a random text of 32 characters or more.',
      'STOP_REQUEST_WEBHOOK_SECRET is required: a random text of 32 characters or more.',
    ]);
  });

  it('says what is wrong with each bad value', () => {
    expect(
      problemsOf({
        ...secrets,
        STOP_REQUEST_API_TOKEN: 'short',
        STOP_REQUEST_STORE_URL: 'mysql://db',
        PORT: 'eighty',
        STOP_REQUEST_LINK_TTL_HOURS: '0',
        STOP_REQUEST_PUBLIC_URL: 'stop.example.com',
      }),
    ).toEqual([
      'STOP_REQUEST_API_TOKEN must be at least 32 characters long (e.g. `openssl rand -hex 32`).',
      'STOP_REQUEST_STORE_URL must start with postgres://, postgresql://, esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover:// (leave it unset for an embedded PostgreSQL).',
      'PORT must be a whole number.',
      'STOP_REQUEST_PUBLIC_URL must be an absolute URL, e.g. https://stop.example.com.',
      'STOP_REQUEST_LINK_TTL_HOURS must be 1 or more.',
    ]);
  });
});
