import type { MaintenanceQueue, Redis, RequestQueue } from '@repo/shared/queue';
import { collectProgress, type Progress, plannedSeasons, type RedisState } from '@repo/shared/state';
import { withDeadline } from './redis-deadline.js';
import { chooseSeason, type SeasonChoice } from './season-choice.js';

/** What the routes read, each read bounded by the Redis deadline. */
export interface ProgressSource {
  /** Every planned season, oldest first; the configured SEASON when none is. */
  seasons(): Promise<readonly string[]>;
  /** The season a request's `?season=` names, or why not (see `chooseSeason`). */
  choose(requested: unknown): Promise<SeasonChoice>;
  progress(season: string): Promise<Progress>;
  latencies(season: string): Promise<readonly number[]>;
}

export interface ProgressSourceDeps {
  readonly redis: Redis;
  readonly requestQueue: RequestQueue;
  /** Gives a followed season's next run; without it `follow.nextRunAt` is null. */
  readonly maintenance?: Pick<MaintenanceQueue, 'getJobScheduler'> | undefined;
  /** The configured SEASON: the default season, and the fallback when none is planned. */
  readonly season: string;
  /** One state per season, made once (`seasonStates`). */
  readonly stateOf: (season: string) => RedisState;
  readonly rateLimitSeconds: number;
  readonly rateLimitPerHour?: number | undefined;
  readonly deadlineMs: number;
}

export function createProgressSource(deps: ProgressSourceDeps): ProgressSource {
  const bounded = <T>(read: () => Promise<T>) => withDeadline(deps.redis, read, deps.deadlineMs);
  const seasons = () => bounded(() => plannedSeasons(deps.redis, deps.season));
  return {
    seasons,
    choose: async (requested) => chooseSeason(requested, await seasons(), deps.season),
    progress: (season) =>
      bounded(() =>
        collectProgress({
          redis: deps.redis,
          state: deps.stateOf(season),
          queue: deps.requestQueue,
          rateLimitSeconds: deps.rateLimitSeconds,
          rateLimitPerHour: deps.rateLimitPerHour,
          maintenance: deps.maintenance,
        }),
      ),
    latencies: (season) => bounded(() => deps.stateOf(season).getLatencies()),
  };
}
