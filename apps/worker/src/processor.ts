import { type BronzeStore, slugOf, writeItem } from '@repo/shared/bronze';
import type { Logger } from '@repo/shared/log';
import { ENDPOINTS, type ErrorKind, type NbaClient, NbaRequestError } from '@repo/shared/nba';
import { isFinalAttempt, type RateLimitGate, RETRY_POLICY, type RequestJobData } from '@repo/shared/queue';
import type { RedisState } from '@repo/shared/state';
import { type Job, UnrecoverableError } from 'bullmq';

export interface ProcessorDeps {
  readonly nba: Pick<NbaClient, 'get'>;
  readonly store: Pick<BronzeStore, 'put'>;
  readonly state: RedisState;
  readonly gate: Pick<RateLimitGate, 'hold'>;
  readonly log: Logger;
  readonly outputPrefix: string;
  readonly dryRun: boolean;
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

function kindOf(error: unknown): { kind: ErrorKind; message: string } {
  if (error instanceof NbaRequestError) return { kind: error.kind, message: error.message };
  if (error instanceof Error && (error as { kind?: unknown }).kind === 'storage') {
    return { kind: 'storage', message: error.message };
  }
  // Anything else is a bug in a parser or writer: retrying will not help, so treat it as parse.
  return { kind: 'parse', message: error instanceof Error ? error.message : String(error) };
}

/**
 * One job = one NBA request: fetch → parse → write → record (DESIGN §3, §5). The request goes
 * through the client, which takes the global gate first.
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
    try {
      const response = await deps.nba.get(endpoint.endpoint, endpoint.params(data));
      apiResponseMs = Math.round(response.responseMs);
      await deps.state.countRequest(response.responseMs);
      let json: unknown;
      try {
        json = JSON.parse(response.body);
      } catch (cause) {
        throw new NbaRequestError('parse', `${endpoint.endpoint} answered 200 with a body that is not JSON`, {
          body: response.body,
          cause,
        });
      }
      const rows = endpoint.parse(json, { ...data, ingestedAt: now() });
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
        },
        { dryRun: deps.dryRun },
      );
      const result: ProcessResult = {
        rows: written.reduce((sum, object) => sum + object.rows, 0),
        bytes: written.reduce((sum, object) => sum + object.bytes, 0),
        keys: written.map((object) => object.key),
      };
      if (!deps.dryRun) {
        await deps.state.recordSuccess(
          id,
          { rows: result.rows, bytes: result.bytes, attempts: attempt },
          now(),
        );
      }
      log.info(
        {
          duration_in_seconds: round3((performance.now() - started) / 1000),
          records_processed: result.rows,
          api_response_ms: apiResponseMs,
          bytes: result.bytes,
          dry_run: deps.dryRun,
          ...(deps.dryRun
            ? { would_write: written.map((o) => ({ key: o.key, rows: o.rows, bytes: o.bytes })) }
            : {}),
        },
        deps.dryRun ? 'job done (dry run: nothing written)' : 'job done',
      );
      return result;
    } catch (error) {
      if (error instanceof NbaRequestError && error.status !== undefined) await deps.state.countRequest();
      const { kind, message } = kindOf(error);
      const final = isFinalAttempt(kind, attempt);
      await deps.state.recordFailure(id, { kind, message, attempts: attempt, final }, now());
      log.warn(
        {
          duration_in_seconds: round3((performance.now() - started) / 1000),
          api_response_ms: apiResponseMs,
          error_class: kind,
          final,
          err: message,
        },
        final ? 'job failed' : 'job failed, will retry',
      );
      if (RETRY_POLICY[kind].globalCoolDown) {
        const retryAfter = error instanceof NbaRequestError ? error.retryAfterSeconds : undefined;
        await deps.gate.hold(retryAfter === undefined ? RETRY_POLICY[kind].baseDelayMs : retryAfter * 1000);
      }
      if (final) throw new UnrecoverableError(`[${kind}] ${message}`);
      throw new JobFailure(kind, message, { cause: error });
    }
  };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
