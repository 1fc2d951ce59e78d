import { z } from 'zod';

/** The shortest secret accepted: 32 characters, e.g. `openssl rand -hex 16`. */
export const MIN_SECRET_LENGTH = 32;

const secret = (name: string) =>
  z
    .string({
      error: `${name} is required: a random text of ${MIN_SECRET_LENGTH} characters or more.`,
    })
    .min(MIN_SECRET_LENGTH, {
      error: `${name} must be at least ${MIN_SECRET_LENGTH} characters long (e.g. \`openssl rand -hex 32\`).`,
    });

const STORE_URL_PATTERN =
  /^(postgres|postgresql|esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//;

const wholeNumber = (name: string, fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number.` })
    .int({ error: `${name} must be a whole number.` })
    .min(min, { error: `${name} must be ${min} or more.` })
    .max(max, { error: `${name} must be ${max} or less.` })
    .default(fallback);

/** The environment variables the service reads (README, "Configuration"). */
export const configSchema = z.object({
  STOP_REQUEST_LINK_SECRET: secret('STOP_REQUEST_LINK_SECRET'),
  STOP_REQUEST_API_TOKEN: secret('STOP_REQUEST_API_TOKEN'),
  STOP_REQUEST_WEBHOOK_SECRET: secret('STOP_REQUEST_WEBHOOK_SECRET'),
  STOP_REQUEST_STORE_URL: z
    .string()
    .regex(STORE_URL_PATTERN, {
      error:
        'STOP_REQUEST_STORE_URL must start with postgres://, postgresql://, esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover:// (leave it unset for an embedded PostgreSQL).',
    })
    .optional(),
  STOP_REQUEST_POSTGRES_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, {
      error: 'STOP_REQUEST_POSTGRES_SCHEMA must be a lower-case SQL identifier (a-z, 0-9, _).',
    })
    .optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: wholeNumber('PORT', 3000, 0, 65535),
  STOP_REQUEST_PUBLIC_URL: z
    .url({
      error: 'STOP_REQUEST_PUBLIC_URL must be an absolute URL, e.g. https://stop.example.com.',
    })
    .optional(),
  STOP_REQUEST_LINK_TTL_HOURS: wholeNumber('STOP_REQUEST_LINK_TTL_HOURS', 14 * 24, 1, 90 * 24),
  STOP_REQUEST_BODY_LIMIT_BYTES: wholeNumber(
    'STOP_REQUEST_BODY_LIMIT_BYTES',
    64 * 1024,
    1024,
    1024 * 1024,
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The service's configuration, checked. */
export interface ServiceConfig {
  readonly linkSecret: string;
  readonly apiToken: string;
  readonly webhookSecret: string;
  /** undefined: an embedded PostgreSQL started with the service (a demo, nothing is kept). */
  readonly storeUrl: string | undefined;
  readonly postgresSchema: string | undefined;
  readonly host: string;
  readonly port: number;
  /** The base of the merchant links the API hands out; default http://HOST:PORT. */
  readonly publicUrl: string | undefined;
  readonly linkTtlHours: number;
  readonly bodyLimitBytes: number;
  readonly logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
}

/** Thrown by `loadConfig`: one line per variable that is missing or wrong. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      `The service's configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads the configuration from environment variables (default `process.env`). */
export const loadConfig = (
  env: Readonly<Record<string, string | undefined>> = process.env,
): ServiceConfig => {
  // An empty variable counts as unset, as shells and .env files often leave them.
  const given = Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  const c = parsed.data;
  return {
    linkSecret: c.STOP_REQUEST_LINK_SECRET,
    apiToken: c.STOP_REQUEST_API_TOKEN,
    webhookSecret: c.STOP_REQUEST_WEBHOOK_SECRET,
    storeUrl: c.STOP_REQUEST_STORE_URL,
    postgresSchema: c.STOP_REQUEST_POSTGRES_SCHEMA,
    host: c.HOST,
    port: c.PORT,
    publicUrl: c.STOP_REQUEST_PUBLIC_URL,
    linkTtlHours: c.STOP_REQUEST_LINK_TTL_HOURS,
    bodyLimitBytes: c.STOP_REQUEST_BODY_LIMIT_BYTES,
    logLevel: c.LOG_LEVEL,
  };
};
