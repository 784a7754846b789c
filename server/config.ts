/**
 * Server configuration, read from environment variables once at start-up and
 * validated by one schema. A bad value stops the start with a message that names
 * the variable; nothing else reads `process.env`.
 */
import path from 'node:path';
import * as z from 'zod';
import { Limits, SyncLimits } from '../shared/limits';
import {
  DEFAULT_PASSWORD_HASH_COST,
  MAX_PASSWORD_HASH_COST,
  MIN_PASSWORD_HASH_COST,
} from './auth/password-hash';
import type { MailSettings } from './email/mailer';
import type { OidcSettings } from './auth/sso-settings';
import { isLoopbackUrl } from './auth/sso-settings';
import { SCHEMA_NAME_PATTERN } from './store/postgres/database-address';

const port = z.coerce
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(65535, 'must be at most 65535');

const positive = z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more');

export const ConfigSchema = z.object({
  PORT: port.default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  CLIENT_DIR: z.string().min(1).default('./dist/client'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Create the demo lab on first start (set to `false` to start empty). */
  DEMO: z.enum(['true', 'false']).default('true'),
  /** The first administrator, created at start when both are set. */
  ADMIN_EMAIL: z.string().email('must be an email address').optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  ADMIN_NAME: z.string().min(1).max(100).default('Administrator'),
  /** The address people use to reach this server; `https://` turns on Secure cookies. */
  PUBLIC_URL: z.string().url('must be a URL like https://lab.example.org').optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  /**
   * How many reverse proxies in front of the server to believe about the client's
   * address (`X-Forwarded-For`): `false` (or 0, the default) for none, `true` for one.
   */
  TRUST_PROXY: z
    .union([
      z.enum(['true', 'false']),
      z.string().regex(/^\d+$/, 'must be true, false or a number'),
    ])
    .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : Number(value)))
    .pipe(z.number().int().min(0).max(10, 'must be at most 10 proxies'))
    .default(0),
  /**
   * scrypt cost as log2(N). The default, 17 (N = 131072, r = 8, p = 1: 128 MiB and
   * about half a second per hash), is OWASP's current advice; lower only for tests.
   */
  PASSWORD_HASH_COST: z.coerce
    .number()
    .int('must be a whole number')
    .min(MIN_PASSWORD_HASH_COST, `must be at least ${MIN_PASSWORD_HASH_COST}`)
    .max(MAX_PASSWORD_HASH_COST, `must be at most ${MAX_PASSWORD_HASH_COST}`)
    .default(DEFAULT_PASSWORD_HASH_COST),
  /** Largest document (bytes of its encoded state); updates that would pass it are refused. */
  MAX_DOCUMENT_BYTES: z.coerce
    .number()
    .int('must be a whole number of bytes')
    .min(64 * 1024, 'must be at least 65536 (64 KB)')
    .default(Limits.maxDocumentBytes),
  SYNC_MESSAGES_PER_SECOND: positive.default(SyncLimits.messagesPerSecond),
  SYNC_MESSAGE_BURST: positive.default(SyncLimits.messageBurst),
  SYNC_BYTES_PER_SECOND: positive.default(SyncLimits.bytesPerSecond),
  SYNC_MAX_BUFFERED_BYTES: positive.default(SyncLimits.maxBufferedBytes),
  SYNC_MAX_SOCKETS_PER_ACCOUNT: positive.default(SyncLimits.maxSocketsPerAccount),
  /**
   * Scale-out mode: metadata and document logs in this PostgreSQL database instead
   * of DATA_DIR (`postgres://user:password@host:5432/database`).
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a connection string like postgres://host/database')
    .optional(),
  /** The schema within DATABASE_URL's database that holds this workspace's tables. */
  DATABASE_SCHEMA: z
    .string()
    .regex(
      SCHEMA_NAME_PATTERN,
      'must be lower-case letters, digits and _, starting with a letter or _',
    )
    .default('public'),
  /**
   * Scale-out across processes (with DATABASE_URL): the Redis that carries updates,
   * presence and notifications between them (`redis://host:6379`).
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a URL like redis://host:6379')
    .optional(),
  /**
   * Prefix of every Redis key and channel this workspace uses, so several workspaces
   * (or test runs) can share one Redis without meeting.
   */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1 to 64 letters, digits or _ . : -')
    .default('improvement-lab'),
  /** When set, `/metrics` answers only requests that carry it as a bearer token. */
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters (use a long random string)')
    .regex(/^\S+$/, 'must not contain spaces')
    .optional(),
  /**
   * Email through this SMTP server (`smtp://user:password@host:587`, or `smtps://` for
   * TLS from the start): invitations, password resets, notifications. Unset: no email;
   * links are shown to copy instead.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must be a URL like smtp://user:password@host:587')
    .optional(),
  /** The sender of every email: `Improvement Lab <lab@example.org>` or a bare address. */
  MAIL_FROM: z
    .string()
    .min(3)
    .max(200)
    .regex(/^[^\r\n]+$/, 'must be one line')
    .optional(),
  /**
   * Single sign-on with organisation accounts (OpenID Connect): the provider's issuer
   * URL, and this server's client id and secret there. All three, or none.
   */
  OIDC_ISSUER: z
    .string()
    .url('must be the provider’s issuer URL, like https://login.example.org')
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
  /** Email domains whose organisation accounts may sign in, comma-separated; unset: any. */
  OIDC_ALLOWED_DOMAINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
        .filter((domain) => domain !== ''),
    )
    .pipe(
      z.array(
        z.string().regex(/^[a-z0-9.-]+\.[a-z0-9-]+$/, 'must be email domains like example.org'),
      ),
    )
    .optional(),
  /** The organisation's name on the button: "Sign in with <OIDC_NAME>". */
  OIDC_NAME: z.string().trim().min(1).max(60).optional(),
  SYNC_PING_INTERVAL_MS: z.coerce
    .number()
    .int('must be a whole number')
    .min(100, 'must be at least 100')
    .default(SyncLimits.pingIntervalMs),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly clientDir: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly demo: boolean;
  readonly admin: {
    readonly email: string;
    readonly password: string;
    readonly name: string;
  } | null;
  readonly publicUrl: string | null;
  readonly sessionTtlMs: number;
  /** Reverse proxies whose `X-Forwarded-For` entries are believed (0: none). */
  readonly trustProxy: number;
  /** scrypt cost of new password hashes, as log2(N). */
  readonly passwordHashCost: number;
  readonly maxDocumentBytes: number;
  /** Limits on each sync connection (`shared/limits.ts` has the defaults). */
  readonly sync: SyncLimits;
  /** Where metadata and documents live in scale-out mode; null for DATA_DIR. */
  readonly database: { readonly url: string; readonly schema: string } | null;
  /** The bearer token `/metrics` requires, or null for none. */
  readonly metricsToken: string | null;
  /** Where email goes out, or null when it is not configured. */
  readonly mail: MailSettings | null;
  /** The Redis shared with other processes on the same database; null for one process. */
  readonly redis: { readonly url: string; readonly prefix: string } | null;
  /** Single sign-on with organisation accounts, or null when it is not configured. */
  readonly oidc: OidcSettings | null;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment; throws `ConfigError` listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = result.data;
  if (Boolean(values.ADMIN_EMAIL) !== Boolean(values.ADMIN_PASSWORD)) {
    throw new ConfigError(
      'Invalid configuration:\n  set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither',
    );
  }
  if (Boolean(values.SMTP_URL) !== Boolean(values.MAIL_FROM)) {
    throw new ConfigError('Invalid configuration:\n  set both SMTP_URL and MAIL_FROM, or neither');
  }
  if (values.REDIS_URL !== undefined && values.DATABASE_URL === undefined) {
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_URL needs DATABASE_URL: processes share their data through PostgreSQL',
    );
  }
  const oidc = [values.OIDC_ISSUER, values.OIDC_CLIENT_ID, values.OIDC_CLIENT_SECRET];
  if (oidc.some((value) => value !== undefined) && !oidc.every((value) => value !== undefined)) {
    throw new ConfigError(
      'Invalid configuration:\n  set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together, or none',
    );
  }
  // Tokens and the client secret cross this connection: plain HTTP only on this machine.
  if (values.OIDC_ISSUER?.startsWith('http:') && !isLoopbackUrl(values.OIDC_ISSUER)) {
    throw new ConfigError(
      'Invalid configuration:\n  OIDC_ISSUER must start with https:// (plain http only for localhost)',
    );
  }
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(cwd, values.DATA_DIR),
    clientDir: path.resolve(cwd, values.CLIENT_DIR),
    logLevel: values.LOG_LEVEL,
    demo: values.DEMO === 'true',
    admin:
      values.ADMIN_EMAIL && values.ADMIN_PASSWORD
        ? {
            email: values.ADMIN_EMAIL.toLowerCase(),
            password: values.ADMIN_PASSWORD,
            name: values.ADMIN_NAME,
          }
        : null,
    publicUrl: values.PUBLIC_URL ?? null,
    sessionTtlMs: values.SESSION_TTL_HOURS * 60 * 60 * 1000,
    trustProxy: values.TRUST_PROXY,
    passwordHashCost: values.PASSWORD_HASH_COST,
    maxDocumentBytes: values.MAX_DOCUMENT_BYTES,
    metricsToken: values.METRICS_TOKEN ?? null,
    mail:
      values.SMTP_URL && values.MAIL_FROM ? { url: values.SMTP_URL, from: values.MAIL_FROM } : null,
    sync: {
      ...SyncLimits,
      messagesPerSecond: values.SYNC_MESSAGES_PER_SECOND,
      messageBurst: values.SYNC_MESSAGE_BURST,
      bytesPerSecond: values.SYNC_BYTES_PER_SECOND,
      maxBufferedBytes: values.SYNC_MAX_BUFFERED_BYTES,
      maxSocketsPerAccount: values.SYNC_MAX_SOCKETS_PER_ACCOUNT,
      pingIntervalMs: values.SYNC_PING_INTERVAL_MS,
    },
    database:
      values.DATABASE_URL === undefined
        ? null
        : { url: values.DATABASE_URL, schema: values.DATABASE_SCHEMA },
    redis:
      values.REDIS_URL === undefined
        ? null
        : { url: values.REDIS_URL, prefix: values.REDIS_PREFIX },
    oidc:
      values.OIDC_ISSUER && values.OIDC_CLIENT_ID && values.OIDC_CLIENT_SECRET
        ? {
            issuer: values.OIDC_ISSUER,
            clientId: values.OIDC_CLIENT_ID,
            clientSecret: values.OIDC_CLIENT_SECRET,
            allowedDomains: values.OIDC_ALLOWED_DOMAINS ?? [],
            name: values.OIDC_NAME ?? null,
          }
        : null,
  };
}
