import type { ErrorKind } from '../nba/index.js';
import { parseItemId, REQUEST_JOB_OPTIONS, type RequestJobData, type RequestQueue } from '../queue/index.js';
import type { RedisState } from '../state/index.js';

export interface RetryFailedDeps {
  readonly queue: RequestQueue;
  /** The progress record of the season retried. */
  readonly state: RedisState;
}

export interface RetryFailedReport {
  readonly retried: readonly { readonly id: string; readonly errorClass: string | undefined }[];
  /** Failed items whose job was gone (Redis partly lost) and that were added again. */
  readonly readded: readonly string[];
}

/**
 * Every failed job of the season goes back to the queue with its attempts reset, and its failure
 * is cleared from the progress record; items recorded as failed whose job no longer exists are
 * enqueued again from the plan. `kinds` keeps only the failures of those classes (a follow run
 * retries what time can heal and leaves the rest to a person). Another season's jobs stay failed.
 */
export async function retryFailed(
  deps: RetryFailedDeps,
  options: { readonly kinds?: readonly ErrorKind[] } = {},
): Promise<RetryFailedReport> {
  const { queue, state } = deps;
  const [jobs, items, planned] = await Promise.all([
    queue.getFailed(0, -1),
    state.getItems(),
    state.getPlanned(),
  ]);
  const wanted = (kind: ErrorKind | undefined) =>
    options.kinds === undefined || (kind !== undefined && options.kinds.includes(kind));
  const retried: { id: string; errorClass: string | undefined }[] = [];
  for (const job of jobs) {
    if (job.id === undefined || job.data.season !== state.season) continue;
    const kind = items.get(job.id)?.errorKind;
    if (!wanted(kind)) continue;
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    retried.push({ id: job.id, errorClass: kind });
  }
  const retriedIds = new Set(retried.map((r) => r.id));
  const readded: string[] = [];
  for (const [id, item] of items) {
    if (item.status !== 'failed' || retriedIds.has(id) || !wanted(item.errorKind)) continue;
    const entry = planned.get(id);
    if (entry === undefined || (await queue.getJob(id)) !== undefined) continue;
    const gameId = parseItemId(id)?.gameId;
    const data: RequestJobData = {
      season: state.season,
      request: entry.request,
      ...(gameId === undefined ? {} : { gameId }),
      ...(entry.gameDate === undefined ? {} : { gameDate: entry.gameDate }),
      ...(entry.seasonType === undefined ? {} : { seasonType: entry.seasonType }),
    };
    await queue.add(entry.request, data, { ...REQUEST_JOB_OPTIONS, jobId: id });
    readded.push(id);
  }
  await state.clearFailures([...retriedIds, ...readded]);
  return { retried, readded };
}
