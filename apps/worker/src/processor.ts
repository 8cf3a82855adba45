import { gzipSync } from 'node:zlib';
import { type BronzeStore, quarantineKey, slugOf, writeItem } from '@repo/shared/bronze';
import type { Logger } from '@repo/shared/log';
import { ENDPOINTS, type ErrorKind, type NbaClient, NbaRequestError } from '@repo/shared/nba';
import { qualityMetadata, scoreItem } from '@repo/shared/quality';
import {
  type BlockingDetector,
  coolDownMs,
  isFinalAttempt,
  pauseRequests,
  type RateLimitGate,
  RETRY_POLICY,
  type Redis,
  type RequestJobData,
  type RequestQueue,
} from '@repo/shared/queue';
import type { RedisState } from '@repo/shared/state';
import { type Job, UnrecoverableError } from 'bullmq';

export interface ProcessorDeps {
  readonly nba: Pick<NbaClient, 'get'>;
  readonly store: Pick<BronzeStore, 'put'>;
  readonly state: RedisState;
  readonly gate: Pick<RateLimitGate, 'hold' | 'intervalMs'>;
  readonly queue: RequestQueue;
  readonly redis: Redis;
  readonly blocking: BlockingDetector;
  readonly log: Logger;
  readonly outputPrefix: string;
  readonly dryRun: boolean;
  readonly blockedAfterFailures: number;
  readonly now?: () => Date;
}

/** What a finished job returns (kept by BullMQ as the job's return value). */
export interface ProcessResult {
  readonly rows: number;
  readonly bytes: number;
  readonly keys: readonly string[];
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

/** The class of any failure; something unclassified is a bug in our parsing, so `parse`. */
function classify(error: unknown): { kind: ErrorKind; message: string } {
  if (error instanceof NbaRequestError) return { kind: error.kind, message: error.message };
  const kind = (error as { kind?: unknown }).kind;
  const message = error instanceof Error ? error.message : String(error);
  if (kind === 'storage' || kind === 'parse') return { kind, message };
  return { kind: 'parse', message };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * One job = one NBA request: fetch → parse → write → record (DESIGN §3, §5). The request goes
 * through the client, which takes the global gate first. Failures are classified once and handled
 * by RETRY_POLICY: unrecoverable ones fail the job at once, `throttled` cools every worker down,
 * and a run of blocking-like failures pauses the queue.
 */
export function createProcessor(deps: ProcessorDeps): (job: Job<RequestJobData>) => Promise<ProcessResult> {
  const now = deps.now ?? (() => new Date());
  return async (job) => {
    const data = job.data;
    const id = job.id ?? '';
    const attempt = job.attemptsMade + 1;
    const endpoint = ENDPOINTS[data.request];
    const log = deps.log.child({ job_id: id, endpoint: data.request, game_id: data.gameId ?? null, attempt });
    const started = performance.now();
    let apiResponseMs: number | null = null;
    let body: string | undefined;
    try {
      const response = await deps.nba.get(endpoint.endpoint, endpoint.params(data));
      apiResponseMs = Math.round(response.responseMs);
      body = response.body;
      await deps.state.countRequest(response.responseMs);
      let json: unknown;
      try {
        json = JSON.parse(response.body);
      } catch (cause) {
        throw new NbaRequestError('parse', `${endpoint.endpoint} answered 200 with a body that is not JSON`, {
          cause,
        });
      }
      const ingestedAt = now();
      const rows = endpoint.parse(json, { ...data, ingestedAt });
      const quality = scoreItem(rows);
      const written = await writeItem(
        deps.store,
        {
          outputPrefix: deps.outputPrefix,
          season: data.season,
          request: data.request,
          rawId: data.gameId ?? slugOf(data.request === 'schedule' ? (data.seasonType ?? '') : data.request),
          gameDate: data.gameDate,
          gameId: data.gameId,
          body: response.body,
          rows,
          endpoint: endpoint.endpoint,
          metadata: { ...qualityMetadata(quality), 'ingested-at': ingestedAt.toISOString() },
        },
        { dryRun: deps.dryRun },
      );
      const result: ProcessResult = {
        rows: written.reduce((sum, object) => sum + object.rows, 0),
        bytes: written.reduce((sum, object) => sum + object.bytes, 0),
        keys: written.map((object) => object.key),
      };
      await deps.blocking.recordSuccess();
      if (!deps.dryRun) {
        await deps.state.recordSuccess(
          id,
          {
            rows: result.rows,
            bytes: result.bytes,
            attempts: attempt,
            qualityScore: quality.score,
            failedChecks: quality.failedChecks,
          },
          now(),
        );
      }
      log.info(
        {
          duration_in_seconds: round3((performance.now() - started) / 1000),
          records_processed: result.rows,
          api_response_ms: apiResponseMs,
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
      return result;
    } catch (error) {
      const { kind, message } = classify(error);
      if (error instanceof NbaRequestError && error.status !== undefined && body === undefined) {
        await deps.state.countRequest();
      }
      const final = isFinalAttempt(kind, attempt);
      const keptBody = body ?? (error instanceof NbaRequestError ? error.body : undefined);
      const quarantined =
        (kind === 'parse' || kind === 'client') && keptBody !== undefined && !deps.dryRun
          ? await quarantine(deps, data, keptBody, kind, message)
          : undefined;
      await deps.state.recordFailure(id, { kind, message, attempts: attempt, final }, now());
      const streak = await deps.blocking.recordFailure(kind);
      log.warn(
        {
          duration_in_seconds: round3((performance.now() - started) / 1000),
          api_response_ms: apiResponseMs,
          error_class: kind,
          final,
          quarantined: quarantined ?? null,
          err: message,
        },
        final ? 'job failed' : 'job failed, will retry',
      );
      if (RETRY_POLICY[kind].globalCoolDown) {
        const retryAfter = error instanceof NbaRequestError ? error.retryAfterSeconds : undefined;
        const ms = coolDownMs(streak.throttled, deps.gate.intervalMs, retryAfter);
        // The gate holds every process's next request; the queue limit stops job starts too.
        await deps.gate.hold(ms);
        await deps.queue.rateLimit(ms);
        log.warn(
          { error_class: kind, cool_down_ms: ms, throttled_in_a_row: streak.throttled },
          'cooling down',
        );
      }
      if (RETRY_POLICY[kind].countsAsBlocking && streak.blocking >= deps.blockedAfterFailures) {
        if (!(await deps.queue.isPaused())) {
          const reason = `paused automatically at ${now().toISOString()}: ${streak.blocking} timeout/connection/throttled failures in a row (last: [${kind}] ${message}); the API may be blocking this address`;
          await pauseRequests(deps.queue, deps.redis, reason);
          log.error(
            { error_class: kind, failures_in_a_row: streak.blocking, reason },
            'queue paused: API looks blocked',
          );
        }
      }
      if (final) throw new UnrecoverableError(`[${kind}] ${message}`);
      throw new JobFailure(kind, message, { cause: error });
    }
  };
}

/** Keeps a body that could not be used under `_quarantine/`, for a person to look at. */
async function quarantine(
  deps: ProcessorDeps,
  data: RequestJobData,
  body: string,
  kind: ErrorKind,
  message: string,
): Promise<string | undefined> {
  const key = quarantineKey({
    outputPrefix: deps.outputPrefix,
    request: data.request,
    season: data.season,
    id: data.gameId ?? slugOf(data.request),
  });
  try {
    await deps.store.put(key, gzipSync(body), {
      contentType: 'application/gzip',
      metadata: { 'error-class': kind, 'error-message': message.replace(/[^\x20-\x7e]/g, '?').slice(0, 500) },
    });
    return key;
  } catch (error) {
    deps.log.error(
      { key, err: error instanceof Error ? error.message : String(error) },
      'could not quarantine a body',
    );
    return undefined;
  }
}
