import { GAME_REQUEST_NAMES, SEASON_TYPES } from '../nba/index.js';
import type { ConfigVariable } from './schema.js';

/** What a configuration variable is for and what it accepts, as the README's table shows it. */
export interface VariableDescription {
  /** One line: what the variable does. */
  readonly meaning: string;
  /** The values the schema accepts, in words. */
  readonly allowed: string;
}

const BOOLEAN = '`true` or `false` (also `1`/`0`, `yes`/`no`)';
const S3_PREFIX = 'an S3 key prefix, no leading or trailing `/`';
const HTTP_URL = 'an `http://` or `https://` URL';
const list = (items: readonly string[]) => `comma-separated: ${items.map((i) => `\`${i}\``).join(', ')}`;

/**
 * Every variable of the config schema, described once (DESIGN §2). The `Record` type makes a
 * variable added to the schema without a description fail `tsc`; scripts/gen-config-table.ts
 * turns this and the schema's defaults into the README's configuration table.
 */
export const CONFIG_DESCRIPTIONS: Readonly<Record<ConfigVariable, VariableDescription>> = {
  AWS_REGION: { meaning: 'S3 region of the bucket', allowed: 'a region name, e.g. `us-east-1`' },
  S3_BUCKET_NAME: { meaning: 'bucket of the Bronze layer; it must exist', allowed: 'a bucket name' },
  SEASON: { meaning: 'season to backfill', allowed: '`YYYY-YY`, second year = first + 1 (`1999-00` too)' },
  RATE_LIMIT_SECONDS: {
    meaning: 'at most one NBA request per this many seconds, across every process on every machine',
    allowed: 'a number > 0, decimals allowed (tests use `0.05`)',
  },
  RATE_LIMIT_PER_HOUR: {
    meaning: 'optional budget: at most this many NBA requests in any 60 minutes, across every process',
    allowed: 'a whole number from 1 to 100000; unset for no hourly budget',
  },
  STATE_FILE_PREFIX: {
    meaning: 'S3 prefix of the checkpoint and the daily progress files',
    allowed: S3_PREFIX,
  },
  LOG_LEVEL: {
    meaning: 'pino log level',
    allowed: '`fatal`, `error`, `warn`, `info`, `debug`, `trace`, `silent`',
  },
  DRY_RUN: {
    meaning: 'planner: print the plan, enqueue nothing; worker: fetch and parse, write nothing',
    allowed: BOOLEAN,
  },
  REDIS_URL: {
    meaning: 'Redis for the queue, the request gate and the progress record',
    allowed: 'a `redis://` or `rediss://` URL',
  },
  S3_ENDPOINT: { meaning: 'S3-compatible server (MinIO, radosgw); unset for AWS S3', allowed: HTTP_URL },
  S3_FORCE_PATH_STYLE: {
    meaning: 'bucket in the URL path instead of the host name (most local S3 servers need it)',
    allowed: BOOLEAN,
  },
  NBA_API_BASE_URL: {
    meaning: 'the NBA stats API; point it at the simulator for demos and tests',
    allowed: HTTP_URL,
  },
  NBA_API_TIMEOUT_MS: {
    meaning: 'deadline of one NBA request (connect, headers and body)',
    allowed: 'whole milliseconds >= 1',
  },
  NBA_API_INSECURE_TLS: {
    meaning:
      "accept the NBA API's certificate unchecked (the simulator's self-signed one); refused for stats.nba.com",
    allowed: BOOLEAN,
  },
  NBA_API_PROXY: {
    meaning: 'proxy for NBA requests only (stats.nba.com blocks cloud IPs); never logged',
    allowed: 'an `http://`, `https://`, `socks4://` or `socks5://` URL, credentials in it',
  },
  NBA_SEND_LOG_FILE: {
    meaning:
      'append a JSON line per NBA request sent (send time on the Redis clock, pid, endpoint), to audit the spacing',
    allowed: 'a file path; unset for none',
  },
  OUTPUT_PREFIX: { meaning: 'S3 prefix of the datasets, `_raw/` and `_quarantine/`', allowed: S3_PREFIX },
  SEASON_TYPES: { meaning: 'season types to backfill', allowed: list(SEASON_TYPES) },
  ENDPOINTS: { meaning: 'per-game requests to make for every game', allowed: list(GAME_REQUEST_NAMES) },
  WORKER_CONCURRENCY: {
    meaning: 'jobs in flight per worker process (the global limit still spaces the requests)',
    allowed: 'a whole number from 1 to 64',
  },
  S3_UPLOAD_CONCURRENCY: {
    meaning: 'parallel S3 uploads per process',
    allowed: 'a whole number from 1 to 64',
  },
  CHECKPOINT_INTERVAL_SECONDS: {
    meaning: 'how often the progress checkpoint is written to S3',
    allowed: 'whole seconds >= 1',
  },
  BLOCKED_AFTER_FAILURES: {
    meaning: 'consecutive timeout/connection/throttled failures after which the queue pauses itself',
    allowed: 'a whole number from 1 to 1000',
  },
  BLOCKED_COOL_DOWN_SECONDS: {
    meaning:
      'wait before one probe request once the queue paused itself as blocked; doubles after each failed probe',
    allowed: 'a number of seconds > 0',
  },
  BLOCKED_COOL_DOWN_MAX_SECONDS: {
    meaning: 'the longest wait between two probes of a blocked API',
    allowed: 'a number of seconds > 0, at least `BLOCKED_COOL_DOWN_SECONDS`',
  },
  SHUTDOWN_TIMEOUT_SECONDS: {
    meaning:
      'SIGTERM/SIGINT: the longest wait for the job in flight and the last writes; past it the process exits 1',
    allowed: 'a number of seconds > 0',
  },
  DASHBOARD_PORT: { meaning: 'port of the dashboard', allowed: 'a TCP port from 1 to 65535' },
  DASHBOARD_HOST: {
    meaning: 'address the dashboard listens on; `0.0.0.0` exposes it (the Docker image does)',
    allowed: 'a host name or IP address',
  },
  DASHBOARD_USER: {
    meaning: 'basic-auth user of the dashboard; auth is on when both user and password are set',
    allowed: 'non-empty text, together with `DASHBOARD_PASSWORD`',
  },
  DASHBOARD_PASSWORD: {
    meaning: 'basic-auth password of the dashboard; never logged',
    allowed: 'non-empty text, together with `DASHBOARD_USER`',
  },
  DASHBOARD_READ_ONLY: {
    meaning: 'the dashboard shows everything and refuses every change (retry, pause, clean...)',
    allowed: BOOLEAN,
  },
};
