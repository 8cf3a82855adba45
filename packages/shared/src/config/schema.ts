import { z } from 'zod';
import { isSeason } from '../identity/index.js';
import { DEFAULT_GAME_REQUEST_NAMES, GAME_REQUEST_NAMES, SEASON_TYPES } from '../nba/index.js';

/**
 * The only list of environment variables (DESIGN §2): for each, its zod type (parsing, default,
 * error message) and its description (meaning, allowed values). The `Config` type and its field
 * names (config-fields.ts), the README's table (scripts/gen-config-table.ts) and `planner doctor`
 * are all derived from this. Every message says what is allowed; load-config.ts adds the value
 * that was received.
 */

/** What a configuration variable is for and what it accepts, as the README's table shows it. */
export interface VariableDescription {
  /** One line: what the variable does. */
  readonly meaning: string;
  /** The values the schema accepts, in words. */
  readonly allowed: string;
}

/** Types-only brand: lets `variables` refuse a zod type that did not come through `variable`. */
declare const DESCRIBED: unique symbol;
type Described<T extends z.ZodType = z.ZodType> = T & { readonly [DESCRIBED]: true };

const DESCRIPTIONS = z.registry<VariableDescription>();

/** `type` with its description attached (in a registry of our own, typed, unlike `.meta()`). */
function variable<T extends z.ZodType>(type: T, description: VariableDescription): Described<T> {
  // A copy, as `.meta()` does: two variables built from one zod value keep their own descriptions.
  const copy = type.clone();
  DESCRIPTIONS.add(copy, description);
  return copy as Described<T>;
}

/** `z.object` of variables; a variable not wrapped in `variable(...)` (no description) fails `tsc`. */
function variables<S extends Record<string, Described>>(shape: S) {
  return z.object(shape);
}

// The season rule lives in identity (flags parse season lists there too); re-exported for callers.
export { isSeason };

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

const wholeNumber = (what: string, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v) && Number(v) <= max, { error: `expected ${what}` })
    .transform(Number);

/** Five (or six, with seconds) cron fields; BullMQ's own parser checks the rest when scheduling. */
const cron = z
  .string()
  .trim()
  .refine(
    (v) => /^(\S+\s+){4,5}\S+$/.test(v) && v.split(/\s+/).every((f) => /^[\d*/,A-Za-z?LW#-]+$/.test(f)),
    {
      error:
        'expected a cron pattern of 5 fields (minute hour day-of-month month day-of-week), e.g. "0 10 * * *"',
    },
  );

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
        // `redis:/host` parses too, as a path: the authority must follow `//`.
        const { protocol } = new URL(v);
        return protocols.includes(protocol) && v.startsWith(`${protocol}//`);
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

/** `host` or `host:port` (IPv6 in brackets), lower case: one entry of DASHBOARD_ALLOWED_HOSTS. */
const HOST_AND_PORT = /^(\[[0-9a-f:.]+\]|[a-z0-9_-]+(\.[a-z0-9_-]+)*)(:(\d{1,5}))?$/;
const validPort = (port: string | undefined) =>
  port === undefined || (Number(port) >= 1 && Number(port) <= 65_535);

/** A comma-separated list of hosts, each optionally with a port; lower-cased, duplicates dropped. */
const hostList = z
  .string()
  .transform((v) => [...new Set(v.split(',').map((s) => s.trim().toLowerCase()))].filter((s) => s !== ''))
  .refine((items) => items.every((s) => HOST_AND_PORT.test(s) && validPort(HOST_AND_PORT.exec(s)?.[4])), {
    error:
      'expected a comma-separated list of host names or IP addresses, each optionally with :port (IPv6 in brackets)',
  });

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const required = (what: string) =>
  z
    .string({ error: `is required: ${what}` })
    .trim()
    .min(1, { error: `is required: ${what}` });

const s3Prefix = () =>
  z.string().regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, {
    error: 'expected an S3 key prefix without leading or trailing /',
  });

// Wording shared by several descriptions.
const BOOLEAN = '`true` or `false` (also `1`/`0`, `yes`/`no`)';
const S3_PREFIX = 'an S3 key prefix, no leading or trailing `/`';
const HTTP_URL = 'an `http://` or `https://` URL';
const list = (items: readonly string[]) => `comma-separated: ${items.map((i) => `\`${i}\``).join(', ')}`;

export const CONFIG_SCHEMA = variables({
  AWS_REGION: variable(required('the S3 region, e.g. us-east-1'), {
    meaning: 'S3 region of the bucket',
    allowed: 'a region name, e.g. `us-east-1`',
  }),
  S3_BUCKET_NAME: variable(required('the bucket of the Bronze layer'), {
    meaning: 'bucket of the Bronze layer; it must exist',
    allowed: 'a bucket name',
  }),
  SEASON: variable(season.default('2024-25'), {
    meaning: 'season to backfill when `--season` is not given (workers serve every season their jobs name)',
    allowed: '`YYYY-YY`, second year = first + 1 (`1999-00` too)',
  }),
  RATE_LIMIT_SECONDS: variable(
    positiveNumber('a number of seconds > 0 (decimals allowed, e.g. 5 or 0.25)').default(5),
    {
      meaning: 'at most one NBA request per this many seconds, across every process on every machine',
      allowed: 'a number > 0, decimals allowed (tests use `0.05`)',
    },
  ),
  RATE_LIMIT_PER_HOUR: variable(
    positiveInt('a whole number of requests from 1 to 100000', 100_000).optional(),
    {
      meaning: 'optional budget: at most this many NBA requests in any 60 minutes, across every process',
      allowed: 'a whole number from 1 to 100000; unset for no hourly budget',
    },
  ),
  STATE_FILE_PREFIX: variable(s3Prefix().default('backfill-state'), {
    meaning: 'S3 prefix of the checkpoint and the daily progress files',
    allowed: S3_PREFIX,
  }),
  LOG_LEVEL: variable(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }))
      .default('info'),
    { meaning: 'pino log level', allowed: '`fatal`, `error`, `warn`, `info`, `debug`, `trace`, `silent`' },
  ),
  DRY_RUN: variable(bool.default(false), {
    meaning: 'planner: print the plan, enqueue nothing; worker: fetch and parse, write nothing',
    allowed: BOOLEAN,
  }),
  REDIS_URL: variable(url(['redis:', 'rediss:']).default('redis://localhost:6379'), {
    meaning: 'Redis for the queue, the request gate and the progress record',
    allowed: 'a `redis://` or `rediss://` URL',
  }),
  S3_ENDPOINT: variable(url(['http:', 'https:']).optional(), {
    meaning: 'S3-compatible server (MinIO, radosgw); unset for AWS S3',
    allowed: HTTP_URL,
  }),
  S3_FORCE_PATH_STYLE: variable(bool.default(false), {
    meaning: 'bucket in the URL path instead of the host name (most local S3 servers need it)',
    allowed: BOOLEAN,
  }),
  /** Loaded without trailing slashes (load-config.ts). */
  NBA_API_BASE_URL: variable(url(['http:', 'https:']).default('https://stats.nba.com/stats'), {
    meaning: 'the NBA stats API; point it at the simulator for demos and tests',
    allowed: HTTP_URL,
  }),
  NBA_API_TIMEOUT_MS: variable(positiveInt('a whole number of milliseconds >= 1').default(30_000), {
    meaning: 'deadline of one NBA request (connect, headers and body)',
    allowed: 'whole milliseconds >= 1',
  }),
  /** Refused for stats.nba.com by load-config.ts. */
  NBA_API_INSECURE_TLS: variable(bool.default(false), {
    meaning:
      "accept the NBA API's certificate unchecked (the simulator's self-signed one); refused for stats.nba.com",
    allowed: BOOLEAN,
  }),
  NBA_API_PROXY: variable(url(['http:', 'https:', 'socks4:', 'socks5:']).optional(), {
    meaning: 'proxy for NBA requests only (stats.nba.com blocks cloud IPs); never logged',
    allowed: 'an `http://`, `https://`, `socks4://` or `socks5://` URL, credentials in it',
  }),
  NBA_SEND_LOG_FILE: variable(z.string().trim().min(1).optional(), {
    meaning:
      'append a JSON line per NBA request sent (send time on the Redis clock, pid, endpoint), to audit the spacing',
    allowed: 'a file path; unset for none',
  }),
  OUTPUT_PREFIX: variable(s3Prefix().default('historical-backfill'), {
    meaning: 'S3 prefix of the datasets, `_raw/` and `_quarantine/`',
    allowed: S3_PREFIX,
  }),
  SEASON_TYPES: variable(listOf(SEASON_TYPES).default([...SEASON_TYPES]), {
    meaning: 'season types to backfill',
    allowed: list(SEASON_TYPES),
  }),
  ENDPOINTS: variable(listOf(GAME_REQUEST_NAMES).default([...DEFAULT_GAME_REQUEST_NAMES]), {
    meaning: 'per-game requests to make for every game',
    allowed: list(GAME_REQUEST_NAMES),
  }),
  WORKER_CONCURRENCY: variable(positiveInt('a whole number from 1 to 64', 64).default(2), {
    meaning: 'jobs in flight per worker process (the global limit still spaces the requests)',
    allowed: 'a whole number from 1 to 64',
  }),
  S3_UPLOAD_CONCURRENCY: variable(positiveInt('a whole number from 1 to 64', 64).default(3), {
    meaning: 'parallel S3 uploads per process',
    allowed: 'a whole number from 1 to 64',
  }),
  FOLLOW_CRON: variable(cron.default('0 10 * * *'), {
    meaning: 'when a followed season looks for newly final games (`planner follow`), in US Eastern time',
    allowed: 'a cron pattern of 5 fields, e.g. `0 10 * * *`',
  }),
  FOLLOW_RECHECK_DAYS: variable(wholeNumber('a whole number of days from 0 to 365', 365).default(2), {
    meaning:
      'days after `follow` added a game that its box score is fetched again for stat corrections; 0 = never',
    allowed: 'a whole number of days from 0 to 365',
  }),
  CHECKPOINT_INTERVAL_SECONDS: variable(positiveInt('a whole number of seconds >= 1').default(60), {
    meaning: 'how often the progress checkpoint is written to S3',
    allowed: 'whole seconds >= 1',
  }),
  /** Those failures count because stats.nba.com blocks a client by hanging, not by refusing. */
  BLOCKED_AFTER_FAILURES: variable(positiveInt('a whole number from 1 to 1000', 1000).default(10), {
    meaning: 'consecutive timeout/connection/throttled failures after which the queue pauses itself',
    allowed: 'a whole number from 1 to 1000',
  }),
  BLOCKED_COOL_DOWN_SECONDS: variable(
    positiveNumber('a number of seconds > 0 (decimals allowed)').default(120),
    {
      meaning:
        'wait before one probe request once the queue paused itself as blocked; doubles after each failed probe',
      allowed: 'a number of seconds > 0',
    },
  ),
  BLOCKED_COOL_DOWN_MAX_SECONDS: variable(
    positiveNumber('a number of seconds > 0 (decimals allowed)').default(3600),
    {
      meaning: 'the longest wait between two probes of a blocked API',
      allowed: 'a number of seconds > 0, at least `BLOCKED_COOL_DOWN_SECONDS`',
    },
  ),
  SHUTDOWN_TIMEOUT_SECONDS: variable(
    positiveNumber('a number of seconds > 0 (decimals allowed)').default(25),
    {
      meaning:
        'SIGTERM/SIGINT: the longest wait for the job in flight and the last writes; past it the process exits 1',
      allowed: 'a number of seconds > 0',
    },
  ),
  DASHBOARD_PORT: variable(positiveInt('a TCP port from 1 to 65535', 65_535).default(3000), {
    meaning: 'port of the dashboard',
    allowed: 'a TCP port from 1 to 65535',
  }),
  DASHBOARD_HOST: variable(z.string().trim().min(1).default('127.0.0.1'), {
    meaning: 'address the dashboard listens on; `0.0.0.0` exposes it (the Docker image does)',
    allowed: 'a host name or IP address',
  }),
  DASHBOARD_ALLOWED_HOSTS: variable(hostList.optional(), {
    meaning: 'Host headers the dashboard answers besides localhost, 127.0.0.1, [::1] and DASHBOARD_HOST',
    allowed: 'comma-separated `host` or `host:port` (no port: DASHBOARD_PORT or none)',
  }),
  DASHBOARD_USER: variable(z.string().min(1).optional(), {
    meaning: 'basic-auth user of the dashboard; auth is on when both user and password are set',
    allowed: 'non-empty text, together with `DASHBOARD_PASSWORD`',
  }),
  DASHBOARD_PASSWORD: variable(z.string().min(1).optional(), {
    meaning: 'basic-auth password of the dashboard; never logged',
    allowed: 'non-empty text, together with `DASHBOARD_USER`',
  }),
  /** Read-only bull-board too, and every mutating dashboard route refused. */
  DASHBOARD_READ_ONLY: variable(bool.default(false), {
    meaning: 'the dashboard shows everything and refuses every change (retry, pause, clean...)',
    allowed: BOOLEAN,
  }),
});

export type ConfigVariable = keyof typeof CONFIG_SCHEMA.shape;

/**
 * Each variable's description, read back from the schema: for the README's table
 * (scripts/gen-config-table.ts) and anything else that explains the configuration.
 */
export const CONFIG_DESCRIPTIONS: Readonly<Record<ConfigVariable, VariableDescription>> = Object.freeze(
  Object.fromEntries(
    Object.entries(CONFIG_SCHEMA.shape).map(([name, type]) => {
      const description = DESCRIPTIONS.get(type);
      // Cannot happen (`variables` takes described types only), but a gap must not pass silently.
      if (description === undefined) throw new Error(`config variable ${name} has no description`);
      return [name, description];
    }),
  ),
) as Readonly<Record<ConfigVariable, VariableDescription>>;
