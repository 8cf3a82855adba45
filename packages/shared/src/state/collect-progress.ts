import type { Redis } from 'ioredis';
import { pauseReasonKey } from '../queue/index.js';
import { computeProgress, type Progress } from './progress.js';
import type { RedisState } from './redis-state.js';

/** The parts of a BullMQ queue progress needs. */
export interface ProgressQueue {
  readonly name: string;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
  isPaused(): Promise<boolean>;
}

export interface CollectProgressDeps {
  readonly redis: Redis;
  readonly state: RedisState;
  readonly queue: ProgressQueue;
  readonly rateLimitSeconds: number;
  readonly now?: Date;
}

/** Reads the state record and the queue, and computes the progress object. */
export async function collectProgress(deps: CollectProgressDeps): Promise<Progress> {
  const [planned, items, counters, latencies, queueCounts, paused, pauseReason] = await Promise.all([
    deps.state.getPlanned(),
    deps.state.getItems(),
    deps.state.getCounters(),
    deps.state.getLatencies(),
    deps.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'paused'),
    deps.queue.isPaused(),
    deps.redis.get(pauseReasonKey()),
  ]);
  return computeProgress(
    {
      season: deps.state.season,
      queueName: deps.queue.name,
      rateLimitSeconds: deps.rateLimitSeconds,
      planned,
      items,
      counters,
      latencies,
      queueCounts,
      paused,
      pauseReason: paused ? pauseReason : null,
    },
    deps.now ?? new Date(),
  );
}
