/**
 * `planner doctor`, the preflight before a long backfill (and the first thing support asks for):
 * the configuration as loaded, Redis, the queue, S3 and one real NBA request through the gate,
 * each with what was found and what to do. Every check is bounded in time, so the doctor answers
 * even when a service hangs. The verdicts are in doctor-verdicts.ts.
 */
import { randomUUID } from 'node:crypto';
import { type BronzeStore, StorageError } from '../bronze/index.js';
import {
  type Config,
  ConfigError,
  configSecrets,
  describeConfig,
  type LoadedVariable,
  loadConfig,
  maskUrl,
  redactSecrets,
} from '../config/index.js';
import { errorMessage } from '../log/index.js';
import { ENDPOINTS, impersonatedBrowser, NbaRequestError } from '../nba/index.js';
import {
  closeRedis,
  createCheckConnection,
  createRequestQueue,
  holdCapMs,
  pauseReasonKey,
  type Redis,
  readBudgetStatus,
  readHalt,
  readPlannedPace,
} from '../queue/index.js';
import { createBronzeStore } from './bronze-store.js';
import {
  appendonlyVerdict,
  browserVerdict,
  bucketVerdict,
  budgetUsedUp,
  CHECK_IDS,
  type CheckStatus,
  canStart,
  type DoctorCheck,
  doctorExitCode,
  maxmemoryPolicyVerdict,
  type NbaFailure,
  nbaAnswerVerdict,
  nbaBudgetUsedUp,
  nbaFailureVerdict,
  type PaceFacts,
  type ProbeStep,
  paceVerdict,
  probeVerdict,
  queueVerdict,
  redisUnreachable,
  redisVersion,
  skipped,
} from './doctor-verdicts.js';
import { createNbaAccess } from './nba-access.js';
import { readRedisSettings } from './redis-settings.js';

export interface DoctorReport {
  /** True when a run can start: no check FAILed (warnings allowed). */
  readonly ok: boolean;
  readonly exitCode: 0 | 1;
  readonly generatedAt: string;
  readonly summary: Readonly<Record<CheckStatus, number>>;
  readonly checks: readonly DoctorCheck[];
  /** The configuration as loaded, secrets masked; null when it is invalid. */
  readonly config: Readonly<Record<string, LoadedVariable>> | null;
}

export interface DoctorOptions {
  /** The environment the configuration is loaded from (flags applied). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now?: () => Date;
  /** Deadline of the Redis connect and of each Redis command. @defaultValue 5000 */
  readonly redisTimeoutMs?: number;
  /** Deadline of each S3 check (the SDK retries within it). @defaultValue 30000 */
  readonly s3TimeoutMs?: number;
}

/** The NBA request's own deadline: NBA_API_TIMEOUT_MS, at most this (a doctor should answer soon). */
export const NBA_CHECK_MAX_TIMEOUT_MS = 20_000;

/** Runs every check, in order; never throws for a failed check (that is a FAIL line). */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const now = options.now ?? (() => new Date());
  const generatedAt = now().toISOString();
  let config: Config;
  try {
    config = loadConfig(options.env as NodeJS.ProcessEnv);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const checks: DoctorCheck[] = [
      {
        id: 'config',
        status: 'FAIL',
        finding: `invalid: ${error.problems.join('; ')}`,
        todo: "fix the variables named (the README's Configuration table says what each accepts); nothing else was checked",
      },
      ...CHECK_IDS.slice(1, -1).map((id) => skipped(id, 'the configuration is invalid')),
      browserVerdict(impersonatedBrowser()),
    ];
    return buildReport(generatedAt, checks, null, []);
  }
  const shown = describeConfig(config, options.env);
  const checks: DoctorCheck[] = [configVerdict(shown)];
  const redis = createCheckConnection(
    config.redisUrl,
    'nba-backfill-doctor',
    options.redisTimeoutMs ?? 5_000,
  );
  const store = createBronzeStore(config);
  try {
    const redisResult = await checkRedis(redis, config);
    checks.push(...redisResult.checks);
    let pace: PaceFacts | undefined;
    if (redisResult.reachable) {
      const queueResult = await checkQueue(redis, config, now());
      checks.push(...queueResult.checks);
      pace = queueResult.pace;
    } else {
      checks.push(skipped('queue', 'Redis did not answer'), skipped('queue.pace', 'Redis did not answer'));
    }
    checks.push(...(await checkS3(store, config, generatedAt, options.s3TimeoutMs ?? 30_000)));
    checks.push(
      redisResult.reachable && pace !== undefined
        ? await checkNba(redis, config, pace, now)
        : skipped('nba.api', 'every NBA request takes the request gate in Redis, which did not answer'),
      browserVerdict(impersonatedBrowser()),
    );
  } finally {
    store.close();
    await closeRedis(redis).catch(() => redis.disconnect());
  }
  return buildReport(generatedAt, checks, shown, configSecrets(config));
}

function buildReport(
  generatedAt: string,
  checks: readonly DoctorCheck[],
  config: DoctorReport['config'],
  secrets: readonly string[],
): DoctorReport {
  // Defense in depth: whatever a service said (an error quoting a URL, say) leaves without secrets.
  // The advice is our own text (with `user:password@` templates): only the config's secrets go.
  const clean = checks.map(
    (c): DoctorCheck => ({
      ...c,
      finding: redactSecrets(c.finding, secrets),
      todo: redactSecrets(c.todo, secrets, { urls: false }),
      ...(c.data === undefined ? {} : { data: redactDeep(c.data, secrets) as DoctorCheck['data'] }),
    }),
  );
  const summary: Record<CheckStatus, number> = { ok: 0, warn: 0, FAIL: 0, skip: 0 };
  for (const c of clean) summary[c.status]++;
  return {
    ok: canStart(clean),
    exitCode: doctorExitCode(clean),
    generatedAt,
    summary,
    checks: clean,
    config,
  };
}

function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)]));
  return value;
}

/** Valid (it loaded); DRY_RUN is a warning, since a dry run writes nothing. */
function configVerdict(shown: Readonly<Record<string, LoadedVariable>>): DoctorCheck {
  const entries = Object.values(shown);
  const set = entries.filter((v) => v.source === 'env').length;
  const finding = `valid: season ${shown.SEASON?.value}, ${set} of ${entries.length} variables set, the others default`;
  if (shown.DRY_RUN?.value === 'true')
    return {
      id: 'config',
      status: 'warn',
      finding: `${finding}; DRY_RUN=true: the workers fetch and parse but write nothing`,
      todo: 'unset DRY_RUN for a real backfill',
    };
  return { id: 'config', status: 'ok', finding, todo: '' };
}

// ---------------------------------------------------------------- Redis

async function checkRedis(
  redis: Redis,
  config: Config,
): Promise<{ readonly reachable: boolean; readonly checks: DoctorCheck[] }> {
  const url = maskUrl(config.redisUrl);
  let pingMs: number;
  // A refused connection rejects connect() with "Connection is closed."; the error event says why.
  let cause: unknown;
  redis.on('error', (error: unknown) => {
    cause ??= error;
  });
  try {
    await redis.connect();
    const started = performance.now();
    await redis.ping();
    pingMs = Math.round((performance.now() - started) * 10) / 10;
  } catch (error) {
    return {
      reachable: false,
      checks: [
        redisUnreachable(url, errorMessage(cause ?? error)),
        skipped('redis.appendonly', 'Redis did not answer'),
        skipped('redis.maxmemory-policy', 'Redis did not answer'),
      ],
    };
  }
  const { info, appendonly, policy, memory } = await readRedisSettings(redis);
  return {
    reachable: true,
    checks: [
      redisVersion({ url, version: info.get('redis_version'), pingMs }),
      appendonlyVerdict(appendonly),
      maxmemoryPolicyVerdict(policy, memory),
    ],
  };
}

// ---------------------------------------------------------------- queue

async function checkQueue(
  redis: Redis,
  config: Config,
  now: Date,
): Promise<{ readonly checks: DoctorCheck[]; readonly pace: PaceFacts | undefined }> {
  const queue = createRequestQueue(redis);
  queue.on('error', () => undefined);
  const own = { intervalMs: config.rateLimitSeconds * 1000, perHour: config.rateLimitPerHour };
  try {
    const [paused, pauseReason, halt, counts, planned] = await Promise.all([
      queue.isPaused(),
      redis.get(pauseReasonKey()),
      readHalt(redis),
      queue.getJobCounts('waiting', 'prioritized', 'paused', 'active', 'delayed', 'failed'),
      readPlannedPace(redis),
    ]);
    const perHour = [own.perHour, planned?.perHour].filter((n): n is number => n !== undefined);
    const budget = perHour.length === 0 ? undefined : await readBudgetStatus(redis, Math.min(...perHour));
    const pace: PaceFacts = {
      own,
      planned:
        planned === undefined ? undefined : { intervalMs: planned.intervalMs, perHour: planned.perHour },
      budget,
    };
    return {
      checks: [
        queueVerdict({ paused, pauseReason: paused ? pauseReason : null, halt, counts }, now),
        paceVerdict(pace, now),
      ],
      pace,
    };
  } catch (error) {
    return {
      checks: [
        {
          id: 'queue',
          status: 'FAIL',
          finding: `could not read the queue: ${errorMessage(error)}`,
          todo: 'see the redis checks; REDIS_URL must be the Redis (and database) the workers use',
        },
        skipped('queue.pace', 'the queue could not be read'),
      ],
      pace: undefined,
    };
  } finally {
    await queue.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------- S3

class Deadline extends Error {}

/** `promise`, or a Deadline error after `ms` (the operation itself is abandoned, not stopped). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Deadline(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function storageFacts(error: unknown): {
  error: string;
  code?: string | undefined;
  status?: number | undefined;
} {
  if (error instanceof StorageError)
    return {
      // The message starts with the operation and the bucket, which the line already names.
      error: error.message.replace(/^S3 \w+ failed for \S+: /, ''),
      code: error.code,
      status: error.status,
    };
  return { error: errorMessage(error) };
}

async function checkS3(
  store: BronzeStore,
  config: Config,
  generatedAt: string,
  timeoutMs: number,
): Promise<DoctorCheck[]> {
  const where = `${config.s3Endpoint === undefined ? 'AWS S3' : maskUrl(config.s3Endpoint)} (region ${config.awsRegion})`;
  const facts = { bucket: config.s3BucketName, where };
  let bucket: DoctorCheck;
  try {
    bucket = bucketVerdict(facts, { exists: await within(store.bucketExists(), timeoutMs, 'HeadBucket') });
  } catch (error) {
    bucket = bucketVerdict(facts, storageFacts(error));
  }
  if (bucket.status !== 'ok') return [bucket, skipped('s3.probe', 'the bucket check failed')];
  return [bucket, await probeS3(store, config, generatedAt, timeoutMs)];
}

/** Put, get and delete one small object under STATE_FILE_PREFIX, as a checkpoint write would. */
async function probeS3(
  store: BronzeStore,
  config: Config,
  generatedAt: string,
  timeoutMs: number,
): Promise<DoctorCheck> {
  const key = `${config.stateFilePrefix}/_doctor/${randomUUID()}.txt`;
  const body = `planner doctor probe ${generatedAt}\n`;
  const started = performance.now();
  let step: ProbeStep = 'put';
  let stored = false;
  try {
    await within(store.put(key, body, { contentType: 'text/plain' }), timeoutMs, 'put');
    stored = true;
    step = 'get';
    const back = await within(store.get(key), timeoutMs, 'get');
    step = 'compare';
    if (back === undefined || back.toString('utf8') !== body) {
      return probeVerdict(key, {
        step,
        error:
          back === undefined
            ? 'the object was missing right after the put'
            : `${back.length} bytes instead of ${Buffer.byteLength(body)}`,
      });
    }
    step = 'delete';
    await within(store.deleteMany([key]), timeoutMs, 'delete');
    stored = false;
    return probeVerdict(key, { ms: Math.round(performance.now() - started) });
  } catch (error) {
    return probeVerdict(key, { step, ...storageFacts(error) });
  } finally {
    // Leave nothing behind when a later step failed (best effort, bounded).
    if (stored) await within(store.deleteMany([key]), 5_000, 'delete').catch(() => undefined);
  }
}

// ---------------------------------------------------------------- NBA API

/**
 * The day the NBA check asks about: 15 January of the season's second year, a regular-season
 * day in every season (the 2011-12 and 2020-21 seasons began in late December). Zero games on
 * it is a valid answer too.
 */
export function probeDate(season: string): { readonly iso: string; readonly param: string } {
  const year = Number(season.slice(0, 4)) + 1;
  return { iso: `${year}-01-15`, param: `01/15/${year}` };
}

/**
 * One `leaguegamelog` request for a single day (the schedule endpoint's parameters with
 * DateFrom = DateTo), through the request gate like every NBA request. Bounded: the gate's
 * longest wait (a hold cap and an interval, plus a second) and the request's own deadline
 * (min(NBA_API_TIMEOUT_MS, 20 s)). A grant not given by then is never used, so nothing leaves
 * after the doctor gave up.
 */
async function checkNba(
  redis: Redis,
  config: Config,
  pace: PaceFacts,
  now: () => Date,
): Promise<DoctorCheck> {
  if (budgetUsedUp(pace.budget, now()) && pace.budget !== undefined)
    return nbaBudgetUsedUp(pace.budget.nextSlotAt, now());
  const date = probeDate(config.season);
  const seasonType = 'Regular Season' as const;
  const definition = ENDPOINTS.schedule;
  const params = {
    ...definition.params({ season: config.season, seasonType }),
    DateFrom: date.param,
    DateTo: date.param,
  };
  const url = maskUrl(`${config.nbaApiBaseUrl}/${definition.endpoint}`);
  const intervalMs = Math.max(pace.own.intervalMs, pace.planned?.intervalMs ?? 0);
  const gateBoundMs = holdCapMs(intervalMs) + intervalMs + 1_000;
  const requestTimeoutMs = Math.min(config.nbaApiTimeoutMs, NBA_CHECK_MAX_TIMEOUT_MS);
  const guardMs = gateBoundMs + requestTimeoutMs + 2_000;
  const gateGuard = new AbortController();
  const gateTimer = setTimeout(() => gateGuard.abort(new Deadline('no grant')), gateBoundMs);
  const { nba } = createNbaAccess(redis, config, undefined, {
    timeoutMs: requestTimeoutMs,
    gateSignal: gateGuard.signal,
  });
  const failure = (kind: string, message: string, status?: number): DoctorCheck =>
    nbaFailureVerdict({
      url,
      date: date.iso,
      kind,
      message,
      status,
      proxied: config.nbaApiProxy !== undefined,
    } satisfies NbaFailure);
  const started = performance.now();
  try {
    const response = await within(nba.get(definition.endpoint, params), guardMs, definition.endpoint);
    const gateWaitMs = Math.max(0, Math.round(performance.now() - started - response.responseMs));
    let rows: number;
    try {
      const parsed = definition.parse(JSON.parse(response.body), {
        season: config.season,
        seasonType,
        ingestedAt: now(),
      });
      rows = parsed.games?.length ?? 0;
    } catch (error) {
      if (error instanceof SyntaxError)
        return failure(
          'parse',
          `HTTP ${response.status}, the body is not JSON: ${JSON.stringify(response.body.slice(0, 60))}`,
        );
      if (error instanceof NbaRequestError) return failure(error.kind, error.message);
      throw error;
    }
    return nbaAnswerVerdict({
      url,
      date: date.iso,
      status: response.status,
      responseMs: Math.round(response.responseMs),
      wireBytes: response.wireBytes,
      bodyBytes: Buffer.byteLength(response.body),
      rows,
      gateWaitMs,
      timeoutMs: config.nbaApiTimeoutMs,
    });
  } catch (error) {
    if (gateGuard.signal.aborted && error instanceof NbaRequestError && error.kind === 'state')
      return failure('gate', `the request gate gave no grant within ${gateBoundMs} ms`);
    if (error instanceof NbaRequestError) return failure(error.kind, error.message, error.status);
    if (error instanceof Deadline)
      return failure('timeout', `no answer within ${guardMs} ms (the doctor's guard)`);
    return failure('connection', errorMessage(error));
  } finally {
    clearTimeout(gateTimer);
    // close() waits for a request still in flight; its own deadline ends it, the doctor does not wait.
    await within(nba.close(), 1_000, 'close').catch(() => undefined);
  }
}
