/**
 * The verdicts of `planner doctor`, pure: what a finding means (ok / warn / FAIL) and what to do
 * about it. `doctor.ts` gathers the facts; this file judges them, so every rule is unit-tested.
 *
 * FAIL means a long backfill should not start: it would lose work or make no progress (no AOF,
 * evicting Redis, no bucket, an API that does not answer). warn means it can start but something
 * deserves a look (a paused queue, a pace the plan overrides, a slow answer). skip means the check
 * could not run because one it needs failed (that one is the FAIL).
 */
import { budgetView, paceInForce } from '../queue/index.js';
import { formatBytes, formatInstant, formatUntil } from '../state/index.js';

export const CHECK_STATUSES = ['ok', 'warn', 'FAIL', 'skip'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** Every check, in the order the report lists them. */
export const CHECK_IDS = [
  'config',
  'redis',
  'redis.appendonly',
  'redis.maxmemory-policy',
  'queue',
  'queue.pace',
  's3.bucket',
  's3.probe',
  'nba.api',
  'nba.browser',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface DoctorCheck {
  readonly id: CheckId;
  readonly status: CheckStatus;
  /** What was found, one line. */
  readonly finding: string;
  /** What to do about it; empty when nothing. */
  readonly todo: string;
  /** The facts behind the finding, for `--json`. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** A run can start when no check FAILed; warnings are allowed. */
export function canStart(checks: readonly Pick<DoctorCheck, 'status'>[]): boolean {
  return !checks.some((c) => c.status === 'FAIL');
}

/** `doctor`'s exit code: 0 when a run can start, 1 otherwise. */
export function doctorExitCode(checks: readonly Pick<DoctorCheck, 'status'>[]): 0 | 1 {
  return canStart(checks) ? 0 : 1;
}

export function skipped(id: CheckId, because: string): DoctorCheck {
  return { id, status: 'skip', finding: `not checked: ${because}`, todo: '' };
}

/** `5 s`, `0.05 s`: an interval in milliseconds as seconds. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

const START_REDIS =
  'start Redis (`redis-server --appendonly yes --maxmemory-policy noeviction`; with Docker `docker compose up -d redis`) or fix REDIS_URL';

// ---------------------------------------------------------------- Redis

export function redisUnreachable(url: string, error: string): DoctorCheck {
  const auth = /NOAUTH|WRONGPASS|invalid password|invalid username/i.test(error);
  return {
    id: 'redis',
    status: 'FAIL',
    finding: `no answer from ${url}: ${error}`,
    todo: auth
      ? 'the password (or user) in REDIS_URL is wrong or missing: redis://[user]:password@host:port/db'
      : START_REDIS,
    data: { url },
  };
}

/** BullMQ refuses Redis below 5.0.0 and recommends 6.2.0 or later. */
export const REDIS_MIN_VERSION = '5.0.0';
export const REDIS_RECOMMENDED_VERSION = '6.2.0';

function versionBelow(version: string, min: string): boolean {
  const a = version.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const b = min.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return false;
}

export function redisVersion(facts: {
  readonly url: string;
  readonly version: string | undefined;
  readonly pingMs: number;
}): DoctorCheck {
  const { url, version, pingMs } = facts;
  const data = { url, version: version ?? null, pingMs };
  const at = `reachable at ${url}, Redis ${version ?? '(version unknown)'}, PING ${pingMs} ms`;
  if (version !== undefined && versionBelow(version, REDIS_MIN_VERSION))
    return {
      id: 'redis',
      status: 'FAIL',
      finding: `${at}: BullMQ needs ${REDIS_MIN_VERSION} or later`,
      todo: `upgrade Redis to ${REDIS_RECOMMENDED_VERSION} or later`,
      data,
    };
  if (version !== undefined && versionBelow(version, REDIS_RECOMMENDED_VERSION))
    return {
      id: 'redis',
      status: 'warn',
      finding: `${at}: BullMQ recommends ${REDIS_RECOMMENDED_VERSION} or later`,
      todo: `upgrade Redis to ${REDIS_RECOMMENDED_VERSION} or later`,
      data,
    };
  return { id: 'redis', status: 'ok', finding: at, todo: '', data };
}

/** A setting read from CONFIG GET, or from INFO when CONFIG is refused (managed Redis). */
export interface RedisSetting {
  /** `yes`/`no` for appendonly, the policy name for maxmemory-policy; undefined when unreadable. */
  readonly value: string | undefined;
  readonly source: 'CONFIG' | 'INFO' | undefined;
  /** Why CONFIG GET failed, when it did. */
  readonly configRefused?: string | undefined;
}

function refusedNote(setting: RedisSetting): string {
  return setting.configRefused === undefined ? '' : `; CONFIG GET refused (${setting.configRefused})`;
}

/**
 * No AOF: FAIL, per issue 11's acceptance list ("a Redis without AOF (exit 1, naming the
 * cause)"): a restart then loses the queue, the request gate's record and the progress record.
 */
export function appendonlyVerdict(setting: RedisSetting): DoctorCheck {
  const data = { ...setting };
  const via = setting.source === 'INFO' ? ` (from INFO aof_enabled${refusedNote(setting)})` : '';
  if (setting.value === 'yes' && setting.source === 'CONFIG')
    return { id: 'redis.appendonly', status: 'ok', finding: 'appendonly yes', todo: '', data };
  if (setting.value === 'yes')
    return {
      id: 'redis.appendonly',
      status: 'warn',
      finding: `appendonly yes${via}`,
      todo: 'nothing, as long as the provider keeps the append-only file on',
      data,
    };
  if (setting.value === undefined)
    return {
      id: 'redis.appendonly',
      status: 'warn',
      finding: `unknown: CONFIG GET refused (${setting.configRefused ?? 'no answer'}) and INFO has no aof_enabled`,
      todo: "make sure the server runs with appendonly yes (a managed Redis: the provider's persistence setting)",
      data,
    };
  return {
    id: 'redis.appendonly',
    status: 'FAIL',
    finding: `appendonly ${setting.value}${via}: a Redis restart loses the queue, the request gate and the progress record`,
    todo: 'run redis-server with --appendonly yes (or `redis-cli CONFIG SET appendonly yes` then `CONFIG REWRITE`)',
    data,
  };
}

/** How full Redis is, from INFO memory; maxBytes 0 = no limit. */
export interface RedisMemory {
  readonly usedBytes: number;
  readonly maxBytes: number;
}

/** Share of maxmemory above which a long run may fill Redis (writes then fail with OOM). */
export const REDIS_FULL_SHARE = 0.9;

/**
 * Any policy but noeviction: FAIL, since Redis may then evict BullMQ's keys and jobs are lost
 * without a trace (BullMQ requires noeviction).
 */
export function maxmemoryPolicyVerdict(setting: RedisSetting, memory?: RedisMemory): DoctorCheck {
  const data = { ...setting, ...(memory === undefined ? {} : { memory }) };
  const via = setting.source === 'INFO' ? ` (from INFO${refusedNote(setting)})` : '';
  if (setting.value === undefined)
    return {
      id: 'redis.maxmemory-policy',
      status: 'warn',
      finding: `unknown: CONFIG GET refused (${setting.configRefused ?? 'no answer'}) and INFO has no maxmemory_policy`,
      todo: "make sure the server runs with maxmemory-policy noeviction (a managed Redis: the provider's parameter group)",
      data,
    };
  if (setting.value !== 'noeviction')
    return {
      id: 'redis.maxmemory-policy',
      status: 'FAIL',
      finding: `maxmemory-policy ${setting.value}${via}: Redis may evict queue keys and BullMQ loses jobs`,
      todo: 'run redis-server with --maxmemory-policy noeviction (or `redis-cli CONFIG SET maxmemory-policy noeviction`)',
      data,
    };
  if (memory !== undefined && memory.maxBytes > 0 && memory.usedBytes >= REDIS_FULL_SHARE * memory.maxBytes) {
    const share = Math.round((100 * memory.usedBytes) / memory.maxBytes);
    return {
      id: 'redis.maxmemory-policy',
      status: 'warn',
      finding: `noeviction${via}, but ${share}% of maxmemory is used (${formatBytes(memory.usedBytes)} of ${formatBytes(memory.maxBytes)}): writes fail when it is full`,
      todo: 'raise maxmemory, or free memory (a finished season: its completed jobs)',
      data,
    };
  }
  if (setting.source === 'INFO')
    return {
      id: 'redis.maxmemory-policy',
      status: 'warn',
      finding: `noeviction${via}`,
      todo: 'nothing, as long as the provider keeps it',
      data,
    };
  return { id: 'redis.maxmemory-policy', status: 'ok', finding: 'noeviction', todo: '', data };
}

// ---------------------------------------------------------------- queue

export interface QueueFacts {
  readonly paused: boolean;
  readonly pauseReason: string | null;
  readonly halt:
    | {
        readonly cause: 'blocked' | 'storage';
        readonly since: string;
        readonly reason: string;
        readonly probes: number;
        readonly nextProbeAt: string;
      }
    | undefined;
  readonly counts: Readonly<Record<string, number>>;
}

const HALT_CAUSE = { blocked: 'the API looked blocked', storage: 'S3 was unavailable' } as const;

/** A paused queue is a warning: a run can be planned, the workers take no job until it resumes. */
export function queueVerdict(facts: QueueFacts, now: Date): DoctorCheck {
  const c = facts.counts;
  const jobs = `jobs waiting ${(c.waiting ?? 0) + (c.prioritized ?? 0) + (c.paused ?? 0)}, active ${c.active ?? 0}, delayed ${c.delayed ?? 0}, failed ${c.failed ?? 0}`;
  const data = {
    paused: facts.paused,
    pauseReason: facts.pauseReason,
    halt: facts.halt ?? null,
    counts: facts.counts,
  };
  if (facts.halt !== undefined) {
    const h = facts.halt;
    return {
      id: 'queue',
      status: 'warn',
      finding: `paused by itself: ${HALT_CAUSE[h.cause]} since ${formatInstant(h.since)} (${h.reason}); next probe at ${formatInstant(h.nextProbeAt)} (${formatUntil(h.nextProbeAt, now.toISOString())}), probes so far ${h.probes}; ${jobs}`,
      todo: 'it resumes by itself once a probe gets an answer; `pnpm planner resume` resumes now',
      data,
    };
  }
  if (facts.paused)
    return {
      id: 'queue',
      status: 'warn',
      finding: `paused${facts.pauseReason ? ` (${facts.pauseReason})` : ' (no reason recorded)'}: workers take no job; ${jobs}`,
      todo: '`pnpm planner resume` when the workers should start',
      data,
    };
  return { id: 'queue', status: 'ok', finding: `running; ${jobs}`, todo: '', data };
}

export interface PaceFacts {
  /** This process's own RATE_LIMIT_SECONDS and RATE_LIMIT_PER_HOUR. */
  readonly own: { readonly intervalMs: number; readonly perHour: number | undefined };
  /** What the planner stored with the plan; undefined when none is stored. */
  readonly planned: { readonly intervalMs: number; readonly perHour: number | undefined } | undefined;
  /** The hourly budget in force (the strictest of both), when there is one. */
  readonly budget:
    | { readonly perHour: number; readonly usedLastHour: number; readonly nextSlotAt: Date }
    | undefined;
}

function paceText(pace: { readonly intervalMs: number; readonly perHour: number | undefined }): string {
  return `1 request / ${formatSeconds(pace.intervalMs)}${pace.perHour === undefined ? '' : `, at most ${pace.perHour} an hour`}`;
}

/** True when the budget has no slot now: a request would wait for one. */
export function budgetUsedUp(budget: PaceFacts['budget'], now: Date): boolean {
  return (
    budget !== undefined &&
    budget.usedLastHour >= budget.perHour &&
    budget.nextSlotAt.getTime() > now.getTime()
  );
}

/**
 * The pace every process follows is the stricter of its own and the plan's. A difference is a
 * warning: the workers run at the plan's pace (or their own, when longer), not at what this
 * environment says, until `planner enqueue season` stores the new one. A used-up budget is a
 * warning too: requests wait for the next slot.
 */
export function paceVerdict(facts: PaceFacts, now: Date): DoctorCheck {
  const { own, planned, budget } = facts;
  const effective = paceInForce(own, planned);
  const budgetText =
    budget === undefined
      ? ''
      : `; budget: ${budget.usedLastHour} of ${budget.perHour} requests used in the last hour, next slot ${budgetUsedUp(budget, now) ? `at ${formatInstant(budget.nextSlotAt.toISOString())} (${formatUntil(budget.nextSlotAt.toISOString(), now.toISOString())})` : 'now'}`;
  const data = {
    own: { intervalSeconds: own.intervalMs / 1000, perHour: own.perHour ?? null },
    planned:
      planned === undefined
        ? null
        : { intervalSeconds: planned.intervalMs / 1000, perHour: planned.perHour ?? null },
    effective: { intervalSeconds: effective.intervalMs / 1000, perHour: effective.perHour ?? null },
    budget: budget === undefined ? null : budgetView(budget),
  };
  const usedUp = budgetUsedUp(budget, now);
  if (planned === undefined)
    return {
      id: 'queue.pace',
      status: usedUp ? 'warn' : 'ok',
      finding: `no pace stored (no plan yet); this process: ${paceText(own)}${budgetText}`,
      todo: usedUp ? 'requests wait for the next slot of the hourly budget' : '',
      data,
    };
  const same = planned.intervalMs === own.intervalMs && planned.perHour === own.perHour;
  const finding = `plan: ${paceText(planned)}; this process: ${paceText(own)}; in force: ${paceText(effective)}${budgetText}`;
  if (!same)
    return {
      id: 'queue.pace',
      status: 'warn',
      finding,
      todo: `every process paces by the stricter of its own and the plan's; to make ${paceText(own)} the plan, run \`pnpm planner enqueue season\` with this RATE_LIMIT_SECONDS / RATE_LIMIT_PER_HOUR`,
      data,
    };
  return {
    id: 'queue.pace',
    status: usedUp ? 'warn' : 'ok',
    finding,
    todo: usedUp ? 'requests wait for the next slot of the hourly budget' : '',
    data,
  };
}

// ---------------------------------------------------------------- S3

export function bucketVerdict(
  facts: { readonly bucket: string; readonly where: string },
  outcome:
    | { readonly exists: boolean }
    | { readonly error: string; readonly code?: string | undefined; readonly status?: number | undefined },
): DoctorCheck {
  const data = { bucket: facts.bucket, endpoint: facts.where };
  if ('exists' in outcome)
    return outcome.exists
      ? {
          id: 's3.bucket',
          status: 'ok',
          finding: `s3://${facts.bucket} exists at ${facts.where}`,
          todo: '',
          data,
        }
      : {
          id: 's3.bucket',
          status: 'FAIL',
          finding: `no bucket ${facts.bucket} at ${facts.where}`,
          todo: 'create it (`aws s3 mb s3://<name>`, MinIO: `mc mb`) or fix S3_BUCKET_NAME / AWS_REGION',
          data,
        };
  return {
    id: 's3.bucket',
    status: 'FAIL',
    finding: `S3 at ${facts.where} did not answer: ${outcome.error}`,
    todo: s3Todo(outcome),
    data: { ...data, code: outcome.code ?? null, status: outcome.status ?? null },
  };
}

const CREDENTIAL_CODES =
  /InvalidAccessKeyId|SignatureDoesNotMatch|AccessDenied|Forbidden|CredentialsProviderError|ExpiredToken|InvalidToken/;

function s3Todo(outcome: {
  readonly error: string;
  readonly code?: string | undefined;
  readonly status?: number | undefined;
}): string {
  if (outcome.status === 403 || CREDENTIAL_CODES.test(`${outcome.code ?? ''} ${outcome.error}`))
    return 'check the AWS credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, AWS_PROFILE or the instance role) and the bucket policy: the workers need s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject';
  if (outcome.status === 301 || /PermanentRedirect|AuthorizationHeaderMalformed|region/i.test(outcome.error))
    return "set AWS_REGION to the bucket's region";
  return 'start S3 (with Docker `docker compose up -d minio`) or fix S3_ENDPOINT (unset for AWS S3) and S3_FORCE_PATH_STYLE';
}

export type ProbeStep = 'put' | 'get' | 'compare' | 'delete';

export function probeVerdict(
  key: string,
  outcome:
    | { readonly ms: number }
    | {
        readonly step: ProbeStep;
        readonly error: string;
        readonly code?: string | undefined;
        readonly status?: number | undefined;
      },
): DoctorCheck {
  if ('ms' in outcome)
    return {
      id: 's3.probe',
      status: 'ok',
      finding: `put, get and delete of ${key} in ${outcome.ms} ms`,
      todo: '',
      data: { key, ms: outcome.ms },
    };
  const data = { key, step: outcome.step, code: outcome.code ?? null, status: outcome.status ?? null };
  if (outcome.step === 'compare')
    return {
      id: 's3.probe',
      status: 'FAIL',
      finding: `${key} read back different bytes: ${outcome.error}`,
      todo: 'something between this machine and S3 changes objects (a gateway, a proxy?): the stored bodies would not be the API answers',
      data,
    };
  return {
    id: 's3.probe',
    status: 'FAIL',
    finding: `${outcome.step} of ${key} failed: ${outcome.error}`,
    todo: s3Todo(outcome),
    data,
  };
}

// ---------------------------------------------------------------- NBA API

export interface NbaAnswer {
  readonly url: string;
  readonly date: string;
  readonly status: number;
  readonly responseMs: number;
  readonly wireBytes: number;
  readonly bodyBytes: number;
  readonly rows: number;
  readonly gateWaitMs: number;
  /** NBA_API_TIMEOUT_MS: an answer taking more than half of it is a warning. */
  readonly timeoutMs: number;
}

export function nbaAnswerVerdict(answer: NbaAnswer): DoctorCheck {
  const finding = `HTTP ${answer.status} in ${answer.responseMs} ms, ${formatBytes(answer.wireBytes)} (${formatBytes(answer.bodyBytes)} decoded), ${answer.rows} game row(s) for ${answer.date}; waited ${answer.gateWaitMs} ms for the gate`;
  const data = { ...answer };
  if (answer.responseMs > answer.timeoutMs / 2)
    return {
      id: 'nba.api',
      status: 'warn',
      finding: `${finding}: slow, more than half of NBA_API_TIMEOUT_MS (${answer.timeoutMs} ms)`,
      todo: 'expect timeouts: raise NBA_API_TIMEOUT_MS, or use a faster NBA_API_PROXY',
      data,
    };
  return { id: 'nba.api', status: 'ok', finding, todo: '', data };
}

export interface NbaFailure {
  readonly url: string;
  readonly date: string;
  /** The client's failure kind (`timeout`, `connection`, `throttled`...), or `gate` when no grant came. */
  readonly kind: string;
  readonly message: string;
  readonly status?: number | undefined;
  readonly proxied: boolean;
  readonly gateWaitMs?: number | undefined;
}

const PROXY_FIX = 'set NBA_API_PROXY=http://user:password@proxy:port (only NBA requests go through it)';

/**
 * No answer, a refusal, or a body that is not the endpoint's: FAIL, since a run would only pause
 * itself as blocked. A 5xx is a warning: the API had trouble with this one request, and the
 * workers retry those.
 */
export function nbaFailureVerdict(failure: NbaFailure): DoctorCheck {
  const { kind, message, proxied } = failure;
  const data = {
    url: failure.url,
    date: failure.date,
    kind,
    status: failure.status ?? null,
    proxied,
    gateWaitMs: failure.gateWaitMs ?? null,
  };
  const fail = (finding: string, todo: string): DoctorCheck => ({
    id: 'nba.api',
    status: 'FAIL',
    finding,
    todo,
    data,
  });
  switch (kind) {
    case 'timeout':
      return proxied
        ? fail(
            `no answer through NBA_API_PROXY (timeout): ${message}`,
            'the proxy does not answer, or stats.nba.com lets its (datacenter) IP hang: check the proxy, or use another (residential) one in NBA_API_PROXY',
          )
        : fail(
            `no answer (timeout): ${message}`,
            `likely a cloud or datacenter IP (AWS, GCP, Azure...): stats.nba.com lets their requests hang. Run from a home or office connection, or ${PROXY_FIX}`,
          );
    case 'connection':
      // impit names a certificate it could not check (oneLineError): say what each case needs.
      if (/invalid certificate/i.test(message))
        return fail(
          `the API's TLS certificate was refused (connection): ${message}`,
          'against the simulator (self-signed) set NBA_API_INSECURE_TLS=true; against stats.nba.com something between you and it intercepts TLS (a corporate proxy): route the requests through NBA_API_PROXY instead',
        );
      return proxied
        ? fail(
            `no connection through NBA_API_PROXY (connection): ${message}`,
            'the proxy refused or could not be reached: check its address and credentials in NBA_API_PROXY',
          )
        : fail(
            `no connection (connection): ${message}`,
            `check NBA_API_BASE_URL and the network (DNS, firewall); a cloud or datacenter IP may be cut off too: ${PROXY_FIX}`,
          );
    case 'throttled':
      return fail(
        `refused (throttled): ${message}`,
        `stats.nba.com refuses this IP for now: wait, raise RATE_LIMIT_SECONDS, or ${PROXY_FIX}`,
      );
    case 'client':
      return fail(
        `rejected the request (client): ${message}`,
        'the API no longer takes these parameters: see packages/shared/src/nba/endpoints/ (and report it)',
      );
    case 'parse':
    case 'empty':
      return fail(
        `answered, but not with a leaguegamelog body (${kind}): ${message}`,
        'something else answers at NBA_API_BASE_URL (a captive portal, a proxy error page?): check it and NBA_API_PROXY',
      );
    case 'gate':
      return fail(
        `not sent (gate): ${message}`,
        'another process holds the request gate for longer than it may: check `pnpm planner status` and the workers',
      );
    case 'server':
      return {
        id: 'nba.api',
        status: 'warn',
        finding: `the API answered with a server error (server): ${message}`,
        todo: 'the workers retry these; run the doctor again in a few minutes',
        data,
      };
    default:
      return fail(
        `failed (${kind}): ${message}`,
        'see the redis checks: every NBA request takes the Redis gate',
      );
  }
}

export function nbaBudgetUsedUp(nextSlotAt: Date, now: Date): DoctorCheck {
  return {
    id: 'nba.api',
    status: 'warn',
    finding: `not sent: the hourly budget has no slot until ${formatInstant(nextSlotAt.toISOString())} (${formatUntil(nextSlotAt.toISOString(), now.toISOString())})`,
    todo: 'run the doctor again after the next slot, or raise RATE_LIMIT_PER_HOUR',
  };
}

export function browserVerdict(browser: {
  readonly browser: string;
  readonly profile: string;
  readonly transport: string;
}): DoctorCheck {
  return {
    id: 'nba.browser',
    status: 'ok',
    finding: `passes for ${browser.browser}: ${browser.transport}, profile ${browser.profile}`,
    todo: '',
    data: { ...browser },
  };
}
