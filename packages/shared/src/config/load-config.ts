import type { z } from 'zod';
import type { GameRequestName, SeasonType } from '../nba/index.js';
import { maskVariable } from './mask.js';
import { CONFIG_SCHEMA } from './schema.js';

/** The validated configuration; every field is documented in DESIGN §2 and the README. */
export interface Config {
  readonly awsRegion: string;
  readonly s3BucketName: string;
  /** @defaultValue `2024-25` */
  readonly season: string;
  /** Minimum spacing of NBA requests across all processes. @defaultValue 5 */
  readonly rateLimitSeconds: number;
  /** Optional budget: at most this many NBA requests in any 60 minutes, across all processes. */
  readonly rateLimitPerHour: number | undefined;
  /** @defaultValue `backfill-state` */
  readonly stateFilePrefix: string;
  /** @defaultValue `info` */
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Planner: print the plan only. Worker: fetch and parse, write nothing. @defaultValue false */
  readonly dryRun: boolean;
  /** @defaultValue `redis://localhost:6379` */
  readonly redisUrl: string;
  readonly s3Endpoint: string | undefined;
  /** @defaultValue false */
  readonly s3ForcePathStyle: boolean;
  /** @defaultValue `https://stats.nba.com/stats` */
  readonly nbaApiBaseUrl: string;
  /** @defaultValue 30000 */
  readonly nbaApiTimeoutMs: number;
  /** Accept any certificate from the NBA API (the simulator's); never for stats.nba.com. @defaultValue false */
  readonly nbaApiInsecureTls: boolean;
  readonly nbaApiProxy: string | undefined;
  /** Append-only audit of every NBA request's send stamp (JSON lines), when set. */
  readonly nbaSendLogFile: string | undefined;
  /** @defaultValue `historical-backfill` */
  readonly outputPrefix: string;
  /** @defaultValue all three: Regular Season, PlayIn, Playoffs */
  readonly seasonTypes: readonly SeasonType[];
  /** Per-game requests. @defaultValue box-score, play-by-play */
  readonly endpoints: readonly GameRequestName[];
  /** @defaultValue 2 */
  readonly workerConcurrency: number;
  /** @defaultValue 3 */
  readonly s3UploadConcurrency: number;
  /** @defaultValue 60 */
  readonly checkpointIntervalSeconds: number;
  /**
   * Consecutive timeout/connection/throttled failures after which the queue pauses itself as
   * blocked (stats.nba.com blocks by hanging). @defaultValue 10
   */
  readonly blockedAfterFailures: number;
  /** First wait before probing a blocked API; doubles per failed probe. @defaultValue 120 */
  readonly blockedCoolDownSeconds: number;
  /** @defaultValue 3600 */
  readonly blockedCoolDownMaxSeconds: number;
  /** Deadline of a graceful shutdown; past it the process exits 1. @defaultValue 25 */
  readonly shutdownTimeoutSeconds: number;
  /** @defaultValue 3000 */
  readonly dashboardPort: number;
  /** @defaultValue `127.0.0.1` */
  readonly dashboardHost: string;
  readonly dashboardUser: string | undefined;
  readonly dashboardPassword: string | undefined;
  /** bull-board read-only and every mutating dashboard route refused. @defaultValue false */
  readonly dashboardReadOnly: boolean;
}

/** Thrown by loadConfig; `message` is one line naming every bad variable, its value and what is allowed. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Variables whose values must never be echoed back. */
const SECRET_VARIABLES = new Set(['DASHBOARD_PASSWORD', 'NBA_API_PROXY']);

function describe(name: string, raw: unknown): string {
  if (raw === undefined) return 'got nothing (unset)';
  if (SECRET_VARIABLES.has(name)) return 'got a value that is not shown';
  // A URL's password (REDIS_URL, S3_ENDPOINT) is masked; the rest of the value is shown.
  return `got ${JSON.stringify(typeof raw === 'string' ? maskVariable(name, raw) : raw)} (${typeof raw})`;
}

/**
 * Reads and validates the environment. Pure: pass `env` explicitly in tests. Empty strings
 * count as unset, so `FOO=` in an env file falls back to the default.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(CONFIG_SCHEMA.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = CONFIG_SCHEMA.safeParse(input);
  if (!result.success) throw new ConfigError(formatIssues(result.error.issues, input));
  const v = result.data;
  const problems: string[] = [];
  if ((v.DASHBOARD_USER === undefined) !== (v.DASHBOARD_PASSWORD === undefined)) {
    problems.push('DASHBOARD_USER and DASHBOARD_PASSWORD: expected both set (basic auth) or neither');
  }
  if (v.BLOCKED_COOL_DOWN_MAX_SECONDS < v.BLOCKED_COOL_DOWN_SECONDS) {
    problems.push(
      `BLOCKED_COOL_DOWN_MAX_SECONDS: expected at least BLOCKED_COOL_DOWN_SECONDS (${v.BLOCKED_COOL_DOWN_SECONDS}), got ${v.BLOCKED_COOL_DOWN_MAX_SECONDS}`,
    );
  }
  // stats.nba.com cuts off clients that ask more than about once a second; sub-second intervals
  // are for the simulator only.
  if (v.RATE_LIMIT_SECONDS < 1 && isRealNbaApi(v.NBA_API_BASE_URL)) {
    problems.push(
      `RATE_LIMIT_SECONDS: expected at least 1 against stats.nba.com (sub-second intervals are for the simulator), got ${JSON.stringify(input.RATE_LIMIT_SECONDS)}`,
    );
  }
  // An unchecked certificate lets anyone between us and Akamai read the traffic and feed us data.
  if (v.NBA_API_INSECURE_TLS && isRealNbaApi(v.NBA_API_BASE_URL)) {
    problems.push(
      `NBA_API_INSECURE_TLS: expected false against stats.nba.com (it is for the simulator's self-signed certificate), got ${JSON.stringify(input.NBA_API_INSECURE_TLS)}`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    awsRegion: v.AWS_REGION,
    s3BucketName: v.S3_BUCKET_NAME,
    season: v.SEASON,
    rateLimitSeconds: v.RATE_LIMIT_SECONDS,
    rateLimitPerHour: v.RATE_LIMIT_PER_HOUR,
    stateFilePrefix: v.STATE_FILE_PREFIX,
    logLevel: v.LOG_LEVEL,
    dryRun: v.DRY_RUN,
    redisUrl: v.REDIS_URL,
    s3Endpoint: v.S3_ENDPOINT,
    s3ForcePathStyle: v.S3_FORCE_PATH_STYLE,
    nbaApiBaseUrl: v.NBA_API_BASE_URL.replace(/\/+$/, ''),
    nbaApiTimeoutMs: v.NBA_API_TIMEOUT_MS,
    nbaApiInsecureTls: v.NBA_API_INSECURE_TLS,
    nbaApiProxy: v.NBA_API_PROXY,
    nbaSendLogFile: v.NBA_SEND_LOG_FILE,
    outputPrefix: v.OUTPUT_PREFIX,
    seasonTypes: Object.freeze([...v.SEASON_TYPES]),
    endpoints: Object.freeze([...v.ENDPOINTS]),
    workerConcurrency: v.WORKER_CONCURRENCY,
    s3UploadConcurrency: v.S3_UPLOAD_CONCURRENCY,
    checkpointIntervalSeconds: v.CHECKPOINT_INTERVAL_SECONDS,
    blockedAfterFailures: v.BLOCKED_AFTER_FAILURES,
    blockedCoolDownSeconds: v.BLOCKED_COOL_DOWN_SECONDS,
    blockedCoolDownMaxSeconds: v.BLOCKED_COOL_DOWN_MAX_SECONDS,
    shutdownTimeoutSeconds: v.SHUTDOWN_TIMEOUT_SECONDS,
    dashboardPort: v.DASHBOARD_PORT,
    dashboardHost: v.DASHBOARD_HOST,
    dashboardUser: v.DASHBOARD_USER,
    dashboardPassword: v.DASHBOARD_PASSWORD,
    dashboardReadOnly: v.DASHBOARD_READ_ONLY,
  });
}

/** True when the URL's host is stats.nba.com (or a subdomain of it). */
export function isRealNbaApi(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname.toLowerCase();
  return host === 'stats.nba.com' || host.endsWith('.stats.nba.com');
}

function formatIssues(issues: readonly z.core.$ZodIssue[], input: Record<string, string>): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    if (seen.has(name)) continue;
    seen.add(name);
    const message = issue.message.startsWith('is required')
      ? issue.message
      : `${issue.message}, ${describe(name, input[name])}`;
    problems.push(`${name}: ${message}`);
  }
  return problems;
}

/**
 * For `main.ts` of every app: load the config or print the one-line reason and exit 2 before
 * anything is enqueued or written.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
