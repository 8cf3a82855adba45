import type { Redis } from 'ioredis';
import {
  budgetView,
  type MaintenanceQueue,
  nextFollowRun,
  paceInForce,
  pauseReasonKey,
  readBudgetStatus,
  readHalt,
  readPlannedPace,
} from '../queue/index.js';
import { readFollow } from './follow-state.js';
import { computeProgress, type Progress } from './progress.js';
import type { RedisState } from './redis-state.js';
import { plannedSeasons } from './season-registry.js';

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
  /** Gives the follow scheduler's next run; without it, `follow.nextRunAt` is null. */
  readonly maintenance?: Pick<MaintenanceQueue, 'getJobScheduler'>;
  readonly now?: Date;
}

/** Reads the state record and the queue, and computes the progress object. */
export async function collectProgress(deps: CollectProgressDeps): Promise<Progress> {
  const season = deps.state.season;
  const [planned, items, counters, latencies, queueCounts, paused, pauseReason, pace, halt, seasons, next] =
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
      plannedSeasons(deps.redis, season),
      deps.maintenance === undefined ? null : nextFollowRun(deps.maintenance, season),
    ]);
  const follow = await readFollow(deps.redis, season, next);
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
      season,
      seasons: seasons.includes(season) ? seasons : [...seasons, season].sort(),
      follow: follow ?? null,
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
