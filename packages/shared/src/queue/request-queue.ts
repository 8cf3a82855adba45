import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RequestJobData } from './item-id.js';
import { QUEUE_NAME } from './keys.js';
import { MAX_ATTEMPTS } from './retry-policy.js';

/** The name of the custom backoff strategy the worker registers (see retry-policy.ts). */
export const BACKOFF_STRATEGY = 'nba-backoff';

/**
 * Defaults for every request job. Completed jobs are kept so that their deterministic ids keep
 * blocking re-adds (a removed id could be enqueued, and fetched, again).
 */
export const REQUEST_JOB_OPTIONS: Readonly<JobsOptions> = Object.freeze({
  attempts: MAX_ATTEMPTS,
  backoff: { type: BACKOFF_STRATEGY },
  removeOnComplete: false,
  removeOnFail: false,
});

export type RequestQueue = Queue<RequestJobData>;

export function createRequestQueue(connection: Redis): RequestQueue {
  return new Queue<RequestJobData>(QUEUE_NAME, {
    connection,
    defaultJobOptions: { ...REQUEST_JOB_OPTIONS },
  });
}

/**
 * The global limit of DESIGN §5: one job start per interval across every worker, so jobs wait in
 * the queue (where the dashboard shows them) rather than in worker slots. Workers get no limiter
 * of their own (a worker-level duration would override this one). The gate, not this limit,
 * keeps the spacing.
 */
export async function applyGlobalRateLimit(queue: RequestQueue, intervalMs: number): Promise<void> {
  await queue.setGlobalRateLimit(1, Math.max(1, Math.round(intervalMs)));
}
