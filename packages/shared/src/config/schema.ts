import { z } from 'zod';
import { DEFAULT_GAME_REQUEST_NAMES, GAME_REQUEST_NAMES, SEASON_TYPES } from '../nba/index.js';

/**
 * The only list of environment variables, their defaults and allowed values (DESIGN §2).
 * Every message says what is allowed; load-config.ts adds the value that was received.
 */

const SEASON_PATTERN = /^(\d{4})-(\d{2})$/;

/** `YYYY-YY` with the second year the first plus one: `2024-25`, `1999-00`. */
export function isSeason(value: string): boolean {
  const match = SEASON_PATTERN.exec(value);
  if (!match) return false;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]);
}

const season = z.string().refine(isSeason, {
  error: 'expected a season YYYY-YY whose second year is the first plus one (e.g. 2024-25)',
});

const positiveNumber = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => v !== '' && Number.isFinite(Number(v)) && Number(v) > 0, { error: `expected ${what}` })
    .transform(Number);

const positiveInt = (what: string, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= max, { error: `expected ${what}` })
    .transform(Number);

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), {
    error: 'expected true or false',
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (protocols: readonly string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { error: `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

/** A comma-separated list whose items must come from `allowed`; order kept, duplicates dropped. */
const listOf = <T extends string>(allowed: readonly T[]) =>
  z
    .string()
    .transform((v) => [...new Set(v.split(',').map((s) => s.trim()))].filter((s) => s !== ''))
    .refine((items) => items.length > 0 && items.every((s) => (allowed as readonly string[]).includes(s)), {
      error: `expected a comma-separated list of ${allowed.map((a) => `"${a}"`).join(', ')}`,
    })
    .transform((items) => items as T[]);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const required = (what: string) =>
  z
    .string({ error: `is required: ${what}` })
    .trim()
    .min(1, { error: `is required: ${what}` });

export const CONFIG_SCHEMA = z.object({
  AWS_REGION: required('the S3 region, e.g. us-east-1'),
  S3_BUCKET_NAME: required('the bucket of the Bronze layer'),
  SEASON: season.default('2024-25'),
  RATE_LIMIT_SECONDS: positiveNumber('a number of seconds > 0 (decimals allowed, e.g. 5 or 0.25)').default(5),
  RATE_LIMIT_PER_HOUR: positiveInt('a whole number of requests from 1 to 100000', 100_000).optional(),
  STATE_FILE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, {
      error: 'expected an S3 key prefix without leading or trailing /',
    })
    .default('backfill-state'),
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }))
    .default('info'),
  DRY_RUN: bool.default(false),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://localhost:6379'),
  S3_ENDPOINT: url(['http:', 'https:']).optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  NBA_API_BASE_URL: url(['http:', 'https:']).default('https://stats.nba.com/stats'),
  NBA_API_TIMEOUT_MS: positiveInt('a whole number of milliseconds >= 1').default(30_000),
  NBA_API_INSECURE_TLS: bool.default(false),
  NBA_API_PROXY: url(['http:', 'https:', 'socks4:', 'socks5:']).optional(),
  NBA_SEND_LOG_FILE: z.string().trim().min(1).optional(),
  OUTPUT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, {
      error: 'expected an S3 key prefix without leading or trailing /',
    })
    .default('historical-backfill'),
  SEASON_TYPES: listOf(SEASON_TYPES).default([...SEASON_TYPES]),
  ENDPOINTS: listOf(GAME_REQUEST_NAMES).default([...DEFAULT_GAME_REQUEST_NAMES]),
  WORKER_CONCURRENCY: positiveInt('a whole number from 1 to 64', 64).default(2),
  S3_UPLOAD_CONCURRENCY: positiveInt('a whole number from 1 to 64', 64).default(3),
  CHECKPOINT_INTERVAL_SECONDS: positiveInt('a whole number of seconds >= 1').default(60),
  BLOCKED_AFTER_FAILURES: positiveInt('a whole number from 1 to 1000', 1000).default(10),
  BLOCKED_COOL_DOWN_SECONDS: positiveNumber('a number of seconds > 0 (decimals allowed)').default(120),
  BLOCKED_COOL_DOWN_MAX_SECONDS: positiveNumber('a number of seconds > 0 (decimals allowed)').default(3600),
  SHUTDOWN_TIMEOUT_SECONDS: positiveNumber('a number of seconds > 0 (decimals allowed)').default(25),
  DASHBOARD_PORT: positiveInt('a TCP port from 1 to 65535', 65_535).default(3000),
  DASHBOARD_HOST: z.string().trim().min(1).default('127.0.0.1'),
  DASHBOARD_USER: z.string().min(1).optional(),
  DASHBOARD_PASSWORD: z.string().min(1).optional(),
  DASHBOARD_READ_ONLY: bool.default(false),
});

export type ConfigVariable = keyof typeof CONFIG_SCHEMA.shape;
