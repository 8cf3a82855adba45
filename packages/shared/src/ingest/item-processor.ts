import { gzipSync } from 'node:zlib';
import { type Job, UnrecoverableError } from 'bullmq';
import {
  type BronzeStore,
  type ObjectMetadata,
  objectMetadata,
  quarantineKey,
  rawIdOf,
  rawKey,
  readRawBody,
  type WrittenObject,
  writeItem,
} from '../bronze/index.js';
import { isSeason } from '../identity/index.js';
import { errorMessage, type Logger } from '../log/index.js';
import {
  ENDPOINTS,
  type EndpointDefinition,
  type ErrorKind,
  errorKindOf,
  type NbaClient,
  NbaRequestError,
  type NbaResponse,
  type ParsedRows,
} from '../nba/index.js';
import type { QualityReport } from '../quality/index.js';
import {
  type BlockingDetector,
  coolDownMs,
  haltRequests,
  isFinalAttempt,
  itemId,
  jobDataProblem,
  type MaintenanceQueue,
  type ProbeSchedule,
  type RateLimitGate,
  RETRY_POLICY,
  type Redis,
  type RequestJobData,
  type RequestQueue,
  STORAGE_PROBES,
  type StorageOutageDetector,
} from '../queue/index.js';
import { countCorrection, type RedisState } from '../state/index.js';
import { notFinalReason } from './game-finality.js';
import { changedColumns } from './row-diff.js';
import { itemMetadata, parseBody } from './store-item.js';
import { counterpartOf, partialAnswerProblems } from './write-checks.js';

/** What the processor records in a season's progress record. */
export type SeasonState = Pick<
  RedisState,
  'countRequest' | 'recordSuccess' | 'recordFailure' | 'recordNotFinal'
>;

export interface ProcessorDeps {
  readonly nba: Pick<NbaClient, 'get'>;
  readonly store: Pick<BronzeStore, 'put' | 'get' | 'head'>;
  /** The progress record of a season: a job records itself under its own season. */
  readonly stateOf: (season: string) => SeasonState;
  readonly gate: Pick<RateLimitGate, 'hold' | 'intervalMs'>;
  readonly queue: RequestQueue;
  readonly maintenance: MaintenanceQueue;
  readonly redis: Redis;
  readonly blocking: Pick<BlockingDetector, 'recordSuccess' | 'recordFailure'>;
  readonly storageOutage: Pick<StorageOutageDetector, 'recordSuccess' | 'recordFailure'>;
  readonly log: Logger;
  /** The configured SEASON: where a job whose data names no valid season is recorded. */
  readonly season: string;
  readonly outputPrefix: string;
  readonly dryRun: boolean;
  readonly blockedAfterFailures: number;
  /** Cool-downs of the probes after the queue paused itself as blocked. */
  readonly blockedProbes: ProbeSchedule;
  readonly now?: () => Date;
  /** Waits between two tries of a write (injected so tests need not wait). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What a finished job returns (kept by BullMQ as the job's return value). */
export interface ProcessResult {
  readonly rows: number;
  readonly bytes: number;
  readonly keys: readonly string[];
  /** The game was not over: nothing was stored, and why. */
  readonly notFinal?: string;
  /** A re-check (`planner follow`): whether the body had changed since it was stored. */
  readonly recheck?: 'unchanged' | 'changed';
}

/** An error on its way out of the processor, with the class that decided its handling. */
export class JobFailure extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(`[${kind}] ${message}`, options);
    this.name = 'JobFailure';
    this.kind = kind;
  }
}

/** S3 failures in a row, across workers, after which the queue stops fetching ("storage unavailable"). */
export const STORAGE_HALT_AFTER = 3;
/** Waits between two tries of the same write or state update: 0.5 s doubling to 10 s. */
const WRITE_RETRY_FIRST_MS = 500;
const WRITE_RETRY_MAX_MS = 10_000;

/** A failure's class (errorKindOf, the product's one classifier) and its message. */
function classify(error: unknown): { kind: ErrorKind; message: string } {
  return { kind: errorKindOf(error), message: errorMessage(error) };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One job = one NBA request: fetch → parse → store → record (DESIGN §3, §5). The request goes
 * through the client, which takes the global gate first. A body, once fetched, is never fetched
 * again because our own storage failed: the write to S3 and the record in Redis are retried
 * here, with the body in hand, until they succeed. Failures of the request are classified once
 * and handled by RETRY_POLICY: unrecoverable ones fail the job at once, `throttled` cools every
 * worker down, and a run of blocking-like failures halts the queue until a probe gets an answer.
 */
export function createProcessor(deps: ProcessorDeps): (job: Job<RequestJobData>) => Promise<ProcessResult> {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? defaultSleep;

  /** Retries `step` until it succeeds; `onFailure` is told of each failure and its try. */
  async function untilDone<T>(
    step: () => Promise<T>,
    onFailure: (error: unknown, tries: number) => Promise<void>,
  ) {
    for (let tries = 1; ; tries++) {
      try {
        return await step();
      } catch (error) {
        await onFailure(error, tries);
        await sleep(Math.min(WRITE_RETRY_MAX_MS, WRITE_RETRY_FIRST_MS * 2 ** (tries - 1)));
      }
    }
  }

  /**
   * Runs an S3 step (a write, or a read the body's checks need) until S3 answers; a run of failures
   * across workers halts the queue. The body in hand is never dropped for our storage's sake.
   */
  function untilS3Answers<T>(job: JobContext, what: 'read' | 'write', step: () => Promise<T>): Promise<T> {
    const { log, id, attempt } = job;
    return untilDone(step, async (error, tries) => {
      const { kind, message } = classify(error);
      if (kind !== 'storage') throw error;
      await recordUntilDone(log, () =>
        job.state.recordFailure(id, { kind, message, attempts: attempt, final: false }, now()),
      );
      const inARow = await recordUntilDone(log, () => deps.storageOutage.recordFailure());
      log.warn(
        { error_class: kind, tries, err: error },
        `S3 ${what} failed; keeping the body and trying again`,
      );
      if (inARow >= STORAGE_HALT_AFTER) {
        const reason = `storage unavailable since ${now().toISOString()}: ${inARow} S3 failures in a row (last: ${message}); the queue resumes when S3 answers a probe`;
        const halted = await recordUntilDone(log, () =>
          haltRequests(deps, 'storage', reason, STORAGE_PROBES, now()),
        );
        if (halted)
          log.error({ error_class: kind, failures_in_a_row: inARow, reason }, 'queue paused: S3 unavailable');
      }
    });
  }

  /** Redis errors (connection, OOM, MISCONF, READONLY) are a `state` failure: retried, never `parse`. */
  function recordUntilDone<T>(log: Logger, step: () => Promise<T>): Promise<T> {
    return untilDone(step, async (error, tries) => {
      log.warn({ error_class: 'state', tries, err: error }, 'Redis update failed; trying again');
    });
  }

  /** What every step of one job knows about it. */
  interface JobContext {
    readonly data: RequestJobData;
    readonly id: string;
    readonly attempt: number;
    readonly endpoint: EndpointDefinition;
    readonly log: Logger;
    readonly started: number;
    readonly state: SeasonState;
  }

  /** Step 2: the answer read into rows, scored, with the metadata of what is stored. */
  function readAnswer(job: JobContext, response: NbaResponse) {
    const ingestedAt = now();
    const rows = parseBody(job.endpoint, response.body, { ...job.data, ingestedAt });
    return { rows, ...itemMetadata(job.endpoint, rows, ingestedAt) };
  }

  /** Step 3: the raw body and the Parquet files on S3 (in place, until S3 answers). */
  async function store(job: JobContext, response: NbaResponse, rows: ParsedRows, metadata: ObjectMetadata) {
    const { data } = job;
    const written = await untilS3Answers(job, 'write', () =>
      writeItem(
        deps.store,
        {
          outputPrefix: deps.outputPrefix,
          season: data.season,
          request: data.request,
          rawId: rawIdOf(data),
          gameDate: data.gameDate,
          gameId: data.gameId,
          body: response.body,
          rows,
          metadata,
        },
        { dryRun: deps.dryRun },
      ),
    );
    const result: ProcessResult = {
      rows: written.reduce((sum, object) => sum + object.rows, 0),
      bytes: written.reduce((sum, object) => sum + object.bytes, 0),
      keys: written.map((object) => object.key),
    };
    return { written, result };
  }

  /** Step 4: the item is done (in Redis, until it answers); the failure streaks end. */
  function recordDone(job: JobContext, response: NbaResponse, result: ProcessResult, quality: QualityReport) {
    return recordUntilDone(job.log, async () => {
      await deps.storageOutage.recordSuccess();
      await deps.blocking.recordSuccess();
      await job.state.countRequest(response.responseMs);
      if (!deps.dryRun) {
        await job.state.recordSuccess(
          job.id,
          {
            rows: result.rows,
            bytes: result.bytes,
            attempts: job.attempt,
            qualityScore: quality.score,
            failedChecks: quality.failedChecks,
          },
          now(),
        );
      }
    });
  }

  /**
   * The game was not over (DESIGN §7): nothing is stored, the item is `not-final` with the reason,
   * and the job ends; the next `enqueue` or follow run adds it again.
   */
  async function leaveNotFinal(
    job: JobContext,
    response: NbaResponse,
    reason: string,
  ): Promise<ProcessResult> {
    await recordUntilDone(job.log, async () => {
      await deps.blocking.recordSuccess();
      await job.state.countRequest(response.responseMs);
      if (!deps.dryRun && job.data.recheck !== true)
        await job.state.recordNotFinal(job.id, reason, job.attempt, now());
    });
    job.log.warn(
      { reason, error_class: null },
      'game not final yet: nothing stored; a later run fetches it again',
    );
    return { rows: 0, bytes: 0, keys: [], notFinal: reason };
  }

  /**
   * A re-check: the columns that differ from the stored body's rows (parsed with the same
   * parser), or undefined when no body is stored (it is then stored as usual).
   */
  async function recheckChanges(
    job: JobContext,
    response: NbaResponse,
    rows: ParsedRows,
  ): Promise<string[] | undefined> {
    const key = rawKey({
      outputPrefix: deps.outputPrefix,
      request: job.data.request,
      season: job.data.season,
      id: rawIdOf(job.data),
    });
    const stored = await untilS3Answers(job, 'read', () => readRawBody(deps.store, key));
    if (stored === undefined) return undefined;
    if (stored.body === response.body) return [];
    const before = parseBody(job.endpoint, stored.body, { ...job.data, ingestedAt: stored.ingestedAt });
    const changed = changedColumns(before, rows);
    // A body that differs only in what no column keeps (key order, spacing) still counts as one.
    return changed.length === 0 ? ['(body only)'] : changed;
  }

  /**
   * The stored rows of the game's other half (the box score for a play-by-play and back), read
   * from its raw body, for the cross-check at write time; undefined when it is not stored.
   */
  async function storedCounterpart(job: JobContext): Promise<ParsedRows | undefined> {
    const request = counterpartOf(job.data.request);
    if (request === undefined || job.data.gameId === undefined) return undefined;
    const key = rawKey({
      outputPrefix: deps.outputPrefix,
      request,
      season: job.data.season,
      id: job.data.gameId,
    });
    const stored = await untilS3Answers(job, 'read', () => readRawBody(deps.store, key));
    if (stored === undefined) return undefined;
    try {
      return parseBody(ENDPOINTS[request], stored.body, {
        ...job.data,
        ingestedAt: stored.ingestedAt,
      });
    } catch (error) {
      job.log.warn({ key, err: error }, 'the stored counterpart does not parse; the cross-check is skipped');
      return undefined;
    }
  }

  /** A job whose data the planner would not make: failed at once as `client`, recorded, logged. */
  async function rejected(job: Job<RequestJobData>, problem: string): Promise<Error> {
    const data = job.data as Partial<RequestJobData> | null;
    const season = typeof data?.season === 'string' && isSeason(data.season) ? data.season : deps.season;
    const id = job.id ?? '';
    const message = `bad job data: ${problem}`;
    const log = deps.log.child({ job_id: id, attempt: job.attemptsMade + 1 });
    await recordUntilDone(log, () =>
      deps
        .stateOf(season)
        .recordFailure(id, { kind: 'client', message, attempts: job.attemptsMade + 1, final: true }, now()),
    );
    log.error({ error_class: 'client', final: true, season, reason: problem }, 'job refused: bad job data');
    return new UnrecoverableError(`[client] ${message}`);
  }

  /** A re-check found the same body: nothing is rewritten. */
  async function recheckUnchanged(job: JobContext, response: NbaResponse): Promise<ProcessResult> {
    await recordUntilDone(job.log, async () => {
      await deps.blocking.recordSuccess();
      await job.state.countRequest(response.responseMs);
    });
    job.log.info({ recheck: 'unchanged' }, 're-check: the box score has not changed; nothing rewritten');
    return { rows: 0, bytes: 0, keys: [], recheck: 'unchanged' };
  }

  /** Step 5: one log line per finished job (DESIGN §8). */
  function logDone(
    job: JobContext,
    response: NbaResponse,
    written: readonly WrittenObject[],
    result: ProcessResult,
    quality: QualityReport,
  ): void {
    job.log.info(
      {
        duration_in_seconds: round3((performance.now() - job.started) / 1000),
        records_processed: result.rows,
        api_response_ms: Math.round(response.responseMs),
        sent_at_us: response.sentAtUs,
        bytes: result.bytes,
        quality_score: quality.score,
        failed_checks: quality.failedChecks,
        error_class: null,
        dry_run: deps.dryRun,
        ...(deps.dryRun
          ? { would_write: written.map((o) => ({ key: o.key, rows: o.rows, bytes: o.bytes })) }
          : {}),
      },
      deps.dryRun ? 'job done (dry run: nothing written)' : 'job done',
    );
  }

  return async (job) => {
    const data = job.data;
    // Before anything uses the data (the URL, keys, the state record): a job added by hand must
    // not reach the API or another item's files.
    const problem = jobDataProblem(job.id, data);
    if (problem !== undefined) throw await rejected(job, problem);
    // A re-check job has its own id; what it records is the item's.
    const id = data.recheck === true ? itemId(data) : (job.id ?? '');
    const attempt = job.attemptsMade + 1;
    const context: JobContext = {
      data,
      id,
      attempt,
      endpoint: ENDPOINTS[data.request],
      log: deps.log.child({ job_id: id, endpoint: data.request, game_id: data.gameId ?? null, attempt }),
      started: performance.now(),
      state: deps.stateOf(data.season),
    };
    let response: NbaResponse | undefined;
    try {
      // Step 1: the request, through the gate.
      response = await deps.nba.get(context.endpoint.endpoint, context.endpoint.params(data));
      const { rows, metadata, quality } = readAnswer(context, response);
      const notFinal = notFinalReason(data.request, rows, data.finalScore);
      if (notFinal !== undefined) return await leaveNotFinal(context, response, notFinal);
      const counterpart = await storedCounterpart(context);
      const partial = partialAnswerProblems(data.request, rows, quality, counterpart, data.finalScore);
      if (partial.length > 0)
        throw new NbaRequestError(
          'partial',
          `${context.endpoint.endpoint} looks partial: ${partial.join('; ')}`,
          {
            body: response.body,
          },
        );
      const correction = data.recheck === true ? await recheckChanges(context, response, rows) : undefined;
      if (correction?.length === 0) return await recheckUnchanged(context, response);
      const { written, result } = await store(context, response, rows, metadata);
      await recordDone(context, response, result, quality);
      if (correction !== undefined) {
        await recordUntilDone(context.log, () => countCorrection(deps.redis, data.season));
        context.log.warn(
          { changed_columns: correction, keys: result.keys },
          'stat correction: the box score changed since it was stored; its files were rewritten',
        );
      }
      logDone(context, response, written, result, quality);
      return correction === undefined ? result : { ...result, recheck: 'changed' };
    } catch (error) {
      throw await failed(context, error, response);
    }
  };

  /** Records, logs and reacts to a failure; returns what the job throws. */
  async function failed(job: JobContext, error: unknown, response: NbaResponse | undefined): Promise<Error> {
    const { data, id, attempt, log, started } = job;
    const { kind, message } = classify(error);
    const final = isFinalAttempt(kind, attempt);
    const keptBody = response?.body ?? (error instanceof NbaRequestError ? error.body : undefined);
    const quarantined =
      (kind === 'parse' || kind === 'client' || kind === 'partial') && keptBody !== undefined && !deps.dryRun
        ? await quarantine(deps, data, keptBody, kind, message)
        : undefined;
    const answered =
      response !== undefined || (error instanceof NbaRequestError && error.status !== undefined);
    const streak = await recordUntilDone(log, async () => {
      if (answered) await job.state.countRequest(response?.responseMs);
      await job.state.recordFailure(id, { kind, message, attempts: attempt, final }, now());
      return deps.blocking.recordFailure(kind);
    });
    log.warn(
      {
        duration_in_seconds: round3((performance.now() - started) / 1000),
        api_response_ms: response === undefined ? null : Math.round(response.responseMs),
        error_class: kind,
        final,
        quarantined: quarantined ?? null,
        err: error,
      },
      final ? 'job failed' : 'job failed, will retry',
    );
    if (RETRY_POLICY[kind].globalCoolDown) await coolDown(log, kind, streak.throttled, error);
    if (RETRY_POLICY[kind].countsAsBlocking && streak.blocking >= deps.blockedAfterFailures)
      await haltAsBlocked(log, kind, message, streak.blocking);
    if (final) return new UnrecoverableError(`[${kind}] ${message}`);
    return new JobFailure(kind, message, { cause: error });
  }

  /** Throttled: every process waits (the gate holds the next request, the queue the next job). */
  async function coolDown(
    log: Logger,
    kind: ErrorKind,
    throttledInARow: number,
    error: unknown,
  ): Promise<void> {
    const retryAfter = error instanceof NbaRequestError ? error.retryAfterSeconds : undefined;
    const ms = coolDownMs(throttledInARow, deps.gate.intervalMs, retryAfter);
    await recordUntilDone(log, async () => {
      await deps.gate.hold(ms);
      await deps.queue.rateLimit(ms);
    });
    log.warn({ error_class: kind, cool_down_ms: ms, throttled_in_a_row: throttledInARow }, 'cooling down');
  }

  /** A run of blocking-like failures: the queue halts until a probe gets an answer (ADR 0008). */
  async function haltAsBlocked(log: Logger, kind: ErrorKind, message: string, inARow: number): Promise<void> {
    const reason = `paused automatically at ${now().toISOString()}: ${inARow} timeout/connection/throttled failures in a row (last: [${kind}] ${message}); the API may be blocking this address; one probe request in ${Math.round(deps.blockedProbes.firstMs / 1000)} s`;
    const halted = await recordUntilDone(log, () =>
      haltRequests(deps, 'blocked', reason, deps.blockedProbes, now()),
    );
    if (halted)
      log.error({ error_class: kind, failures_in_a_row: inARow, reason }, 'queue paused: API looks blocked');
  }
}

/** Keeps a body that could not be used under `_quarantine/`, for a person to look at. */
async function quarantine(
  deps: ProcessorDeps,
  data: RequestJobData,
  body: string,
  kind: ErrorKind,
  message: string,
): Promise<string | undefined> {
  let key: string | undefined;
  try {
    key = quarantineKey({
      outputPrefix: deps.outputPrefix,
      request: data.request,
      season: data.season,
      id: rawIdOf(data),
    });
    await deps.store.put(key, gzipSync(body), {
      contentType: 'application/gzip',
      metadata: objectMetadata({
        errorClass: kind,
        errorMessage: message.replace(/[^\x20-\x7e]/g, '?').slice(0, 500),
      }),
    });
    return key;
  } catch (error) {
    deps.log.error({ key, err: error }, 'could not quarantine a body');
    return undefined;
  }
}
