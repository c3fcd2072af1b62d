import { existsSync } from 'node:fs';
import { z } from 'zod';
import { isValidTimeZone } from './core/calendar/time-zone.js';
import { parseTokenKey } from './core/secrets/token-sealer.js';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const url = (name: string) =>
  optionalText.refine((value) => value === undefined || /^https?:\/\/[^\s]+$/.test(value), { message: `${name} must be an http(s) URL` });

/**
 * A whole number read from the environment, with a message that says what the value is for and its range
 * (zod's own would be "expected number, received NaN").
 */
const wholeNumber = (what: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = value?.trim() ?? '';
      if (text === '') return fallback;
      const n = Number(text);
      if (/^\d+$/.test(text) && n >= min && n <= max) return n;
      ctx.addIssue({ code: 'custom', message: `must be ${what}: a whole number from ${min} to ${max}, not "${shortText(text)}"` });
      return z.NEVER;
    });

function shortText(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Every environment variable readout reads, with what it expects; `.env.example` documents the same list. */
export const configSchema = z
  .object({
    READOUT_SEEDS: z.string().default('./seeds'),
    DATABASE_URL: z
      .string()
      .default('sqlite:./data/readout.db')
      .refine((value) => /^(sqlite:|postgres(ql)?:\/\/)/.test(value), {
        message: 'expected sqlite:PATH (or sqlite::memory:) or postgres://...',
      }),
    // The Postgres pool (docs/operations.md): DATABASE_URL parameters such as ?query_timeout_ms=5000 override these.
    READOUT_PG_STATEMENT_TIMEOUT_MS: wholeNumber('the milliseconds Postgres lets one statement run', 100, 3_600_000, 10_000),
    READOUT_PG_QUERY_TIMEOUT_MS: wholeNumber(
      'the milliseconds readout waits for a query answer before dropping the connection',
      100,
      3_600_000,
      15_000,
    ),
    READOUT_PG_CONNECT_TIMEOUT_MS: wholeNumber(
      'the milliseconds to open a Postgres connection or wait for a free one',
      100,
      600_000,
      5_000,
    ),
    READOUT_PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: wholeNumber(
      'the milliseconds a session may idle inside a transaction',
      100,
      3_600_000,
      30_000,
    ),
    READOUT_PG_KEEPALIVE_MS: wholeNumber('the idle milliseconds before the first TCP keepalive probe', 1_000, 3_600_000, 10_000),
    READOUT_PG_POOL_SIZE: wholeNumber('the Postgres connections this process keeps at most', 1, 1_000, 10),
    READOUT_CACHE_DIR: z.string().default('./.readout-cache'),
    READOUT_TIMEZONE: z
      .string()
      .default('UTC')
      .refine(isValidTimeZone, { message: 'expected an IANA time zone such as Europe/London or Asia/Almaty' }),
    READOUT_NEARBY_DAYS: wholeNumber('the days either side of a date for nearby anniversaries', 0, 183, 7),
    READOUT_DIGEST_GRACE_HOURS: z.coerce.number().min(0).max(48).default(6),
    READOUT_LEDGER_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /** Chat user ids (Slack `U…`, Discord snowflakes) allowed to run operator commands such as /readout reload. */
    READOUT_OPERATORS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== ''),
      ),
    /** Milliseconds the seeds folder must stay quiet before a change is reloaded; 0 turns the folder watch off. */
    READOUT_WATCH_DEBOUNCE_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
    /** `1` lets `readout ingest`, `/readout add` and feeds fetch from loopback and private addresses (tests, an intranet). */
    READOUT_INGEST_ALLOW_PRIVATE: z
      .enum(['', '0', '1', 'false', 'true'], { message: 'expected 1 (allow) or 0 (refuse, the default)' })
      .default('0')
      .transform((value) => value === '1' || value === 'true'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
    PORT: wholeNumber('the TCP port for /slack/events, /healthz, /readyz and /metrics (0 picks a free one)', 0, 65535, 3000),
    /** The operator's port for /readyz details and /metrics; unset means none (the public PORT then shows status only). */
    READOUT_OPS_PORT: optionalText.transform((value, ctx) => {
      if (value === undefined) return undefined;
      const n = Number(value);
      if (/^\d+$/.test(value) && n <= 65535) return n;
      ctx.addIssue({
        code: 'custom',
        message: `must be the operator's TCP port for /readyz and /metrics: a whole number from 0 to 65535, not "${shortText(value)}"`,
      });
      return z.NEVER;
    }),
    /** Where the ops port listens; loopback unless the operator opens it wider. */
    READOUT_OPS_HOST: optionalText.transform((value) => value ?? '127.0.0.1'),
    /** A bearer token that unlocks /readyz details and /metrics on the public PORT when no ops port is set. */
    READOUT_OPS_TOKEN: optionalText.refine((value) => value === undefined || value.length >= 16, {
      message: 'must be at least 16 characters (a random secret, e.g. from `openssl rand -hex 32`)',
    }),
    SLACK_BOT_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_API_URL: url('SLACK_API_URL'),
    /** With SLACK_CLIENT_SECRET and SLACK_STATE_SECRET: distribution mode, any workspace installs through /slack/install. */
    SLACK_CLIENT_ID: optionalText,
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: optionalText,
    /**
     * Keys that encrypt stored Slack tokens (AES-256-GCM): 32 bytes as 64 hex characters or base64, comma-separated;
     * the first seals, the others still open values until `readout slack rotate-key` re-seals them.
     */
    READOUT_TOKEN_KEY: optionalText
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((key) => key.trim())
          .filter(Boolean),
      )
      .refine((keys) => keys.every((key) => parseTokenKey(key) !== undefined), {
        message: 'expected 32-byte keys as 64 hex characters or base64, comma-separated (openssl rand -hex 32 makes one)',
      }),
    /** Slack user ids (besides workspace admins and owners) who may change a channel's digest; comma- or space-separated. */
    READOUT_DIGEST_MANAGERS: optionalText
      .transform((value) => (value ?? '').split(/[\s,]+/).filter(Boolean))
      .refine((ids) => ids.every((id) => /^[UW][A-Z0-9]{2,}$/.test(id)), {
        message: 'expected Slack user ids such as U012AB3CD, separated by commas',
      }),
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText.refine((value) => value === undefined || /^\d{5,25}$/.test(value), {
      message: 'expected the numeric application id from the Discord developer portal',
    }),
    DISCORD_API_URL: url('DISCORD_API_URL'),
    READOUT_DISCORD_REQUESTS_PER_SECOND: wholeNumber(
      "the requests per second the bot's digests may make to Discord, shared by every process (Discord allows 50 unless it set another limit)",
      1,
      10_000,
      48,
    ),
    /** The application's public key: set, Discord interactions arrive over HTTP at POST /discord/interactions (no gateway). */
    DISCORD_PUBLIC_KEY: optionalText.refine((value) => value === undefined || /^[0-9a-fA-F]{64}$/.test(value), {
      message: 'expected the 64 hex characters shown as "Public Key" in the Discord developer portal',
    }),
    /** The public https address this process is reached at, for the URLs to paste into Slack's and Discord's settings. */
    READOUT_PUBLIC_URL: url('READOUT_PUBLIC_URL'),
    /** Set by discord.js's ShardingManager in each shard process (e.g. `2`): which shards this process runs. */
    SHARDS: optionalText,
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message:
          "is required in HTTP mode (SLACK_BOT_TOKEN set without SLACK_APP_TOKEN); copy it from your Slack app's Basic Information page",
      });
    }
    const distribution = [env.SLACK_CLIENT_ID, env.SLACK_CLIENT_SECRET, env.SLACK_STATE_SECRET];
    if (distribution.some(Boolean)) {
      for (const [name, value] of [
        ['SLACK_CLIENT_ID', env.SLACK_CLIENT_ID],
        ['SLACK_CLIENT_SECRET', env.SLACK_CLIENT_SECRET],
        ['SLACK_STATE_SECRET', env.SLACK_STATE_SECRET],
        ['SLACK_SIGNING_SECRET', env.SLACK_SIGNING_SECRET],
      ] as const) {
        if (!value)
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'is required in Slack distribution mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together)',
          });
      }
      if (env.READOUT_TOKEN_KEY.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['READOUT_TOKEN_KEY'],
          message: "is required in Slack distribution mode: the installations' tokens are stored encrypted with it",
        });
      }
      if (env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN) {
        ctx.addIssue({
          code: 'custom',
          path: ['SLACK_BOT_TOKEN'],
          message: "cannot be combined with distribution mode (SLACK_CLIENT_ID): each workspace's token comes from its installation",
        });
      }
    }
    if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'is required when SLACK_APP_TOKEN is set (Socket Mode needs both)',
      });
    }
    if (env.DISCORD_PUBLIC_KEY && !env.DISCORD_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_TOKEN'],
        message: 'is required with DISCORD_PUBLIC_KEY: digests and deferred answers go out through REST with the bot token',
      });
    }
    if (env.READOUT_OPS_PORT !== undefined && env.READOUT_OPS_PORT !== 0 && env.READOUT_OPS_PORT === env.PORT) {
      ctx.addIssue({
        code: 'custom',
        path: ['READOUT_OPS_PORT'],
        message: 'must differ from PORT: the ops port is the one the internet does not reach',
      });
    }
    if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_APPLICATION_ID'], message: 'is required when DISCORD_TOKEN is set' });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** The Postgres pool settings the configuration gives (DATABASE_URL parameters still override them). */
export function postgresPoolSettings(config: Config) {
  return {
    statementTimeoutMs: config.READOUT_PG_STATEMENT_TIMEOUT_MS,
    queryTimeoutMs: config.READOUT_PG_QUERY_TIMEOUT_MS,
    connectTimeoutMs: config.READOUT_PG_CONNECT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: config.READOUT_PG_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    keepAliveMs: config.READOUT_PG_KEEPALIVE_MS,
    poolSize: config.READOUT_PG_POOL_SIZE,
  };
}

/** A configuration problem, reported by variable name before anything connects. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration from the environment (and `.env` when present); the only reader of process.env. */
export function loadConfig(
  env: Record<string, string | undefined> = readEnvironment(),
  overrides: Partial<Record<keyof Config, string>> = {},
): Config {
  const parsed = configSchema.safeParse({ ...env, ...overrides });
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`));
}

function readEnvironment(): Record<string, string | undefined> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}

/** Whether errors should carry stack traces (LOG_LEVEL=debug or trace); read here for the CLI's last-resort handler. */
export function wantsStacks(env: Record<string, string | undefined> = process.env): boolean {
  return /^(debug|trace)$/i.test(env['LOG_LEVEL']?.trim() ?? '');
}

/** Whether the process runs in a terminal (colour, progress bars, pretty logs). Read here so nothing else touches process state for it. */
export function isInteractive(): boolean {
  return Boolean(process.stdout.isTTY) && process.env['CI'] !== 'true';
}
