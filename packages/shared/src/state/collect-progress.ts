import type { Redis } from 'ioredis';
import {
  budgetView,
  paceInForce,
  pauseReasonKey,
  readBudgetStatus,
  readHalt,
  readPlannedPace,
} from '../queue/index.js';
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
  readonly rateLimitPerHour?: number | undefined;
  readonly now?: Date;
}

/** Reads the state record and the queue, and computes the progress object. */
export async function collectProgress(deps: CollectProgressDeps): Promise<Progress> {
  const [planned, items, counters, latencies, queueCounts, paused, pauseReason, pace, halt] =
    await Promise.all([
      deps.state.getPlanned(),
      deps.state.getItems(),
      deps.state.getCounters(),
      deps.state.getLatencies(),
      deps.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'paused'),
      deps.queue.isPaused(),
      deps.redis.get(pauseReasonKey()),
      readPlannedPace(deps.redis),
      readHalt(deps.redis),
    ]);
  // Every process paces by the stricter of its own and the plan's pace (DESIGN §5).
  const inForce = paceInForce(
    { intervalMs: deps.rateLimitSeconds * 1000, perHour: deps.rateLimitPerHour },
    pace,
  );
  const rateLimitSeconds = inForce.intervalMs / 1000;
  const budget =
    inForce.perHour === undefined ? undefined : await readBudgetStatus(deps.redis, inForce.perHour);
  return computeProgress(
    {
      season: deps.state.season,
      queueName: deps.queue.name,
      rateLimitSeconds,
      planned,
      items,
      counters,
      latencies,
      queueCounts,
      paused,
      pauseReason: paused ? pauseReason : null,
      budget: budget === undefined ? null : budgetView(budget),
      halt:
        halt === undefined
          ? null
          : {
              cause: halt.cause,
              since: halt.since,
              reason: halt.reason,
              probes: halt.probes,
              nextProbeAt: halt.nextProbeAt,
            },
    },
    deps.now ?? new Date(),
  );
}
