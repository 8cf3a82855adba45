import type { BronzeStore } from '../bronze/index.js';
import type { Logger } from '../log/index.js';
import type { Redis, RequestQueue } from '../queue/index.js';
import { writeCheckpoint } from './checkpoint-writer.js';
import { collectProgress } from './collect-progress.js';
import type { RedisState } from './redis-state.js';
import { plannedSeasons } from './season-registry.js';

export interface CheckpointDeps {
  readonly redis: Redis;
  readonly stateOf: (season: string) => RedisState;
  /** The configured SEASON: checkpointed when Redis knows of no planned season. */
  readonly season: string;
  readonly queue: RequestQueue;
  readonly store: Pick<BronzeStore, 'put' | 'get' | 'listKeys'>;
  readonly stateFilePrefix: string;
  readonly outputPrefix: string;
  readonly rateLimitSeconds: number;
  readonly log: Logger;
  /** DRY_RUN: compute and log the progress, store nothing. */
  readonly dryRun: boolean;
}

/**
 * Writes the checkpoint of every planned season (or of `only`) and logs each one's progress line
 * of DESIGN §8 (rate, completed/total per request type, ETA, errors by class, bytes, API
 * latency). Called by the scheduled maintenance job, when the queue drains and on shutdown.
 */
export async function checkpointNow(
  deps: CheckpointDeps,
  reason: 'scheduled' | 'drained' | 'shutdown',
  only?: string,
): Promise<void> {
  const seasons = only === undefined ? await plannedSeasons(deps.redis, deps.season) : [only];
  for (const season of seasons) await checkpointSeason(deps, deps.stateOf(season), reason);
}

async function checkpointSeason(
  deps: CheckpointDeps,
  state: RedisState,
  reason: 'scheduled' | 'drained' | 'shutdown',
): Promise<void> {
  const seasonDeps = { ...deps, state };
  const { progress, keys } = deps.dryRun
    ? { progress: await collectProgress(seasonDeps), keys: ['(dry run: not written)'] }
    : await writeCheckpoint(seasonDeps);
  const completed: Record<string, string> = {};
  for (const [request, p] of Object.entries(progress.requests))
    completed[request] = `${p.completed}/${p.planned}`;
  deps.log.info(
    {
      reason,
      season: state.season,
      checkpoint: keys[0],
      rate_per_minute: progress.ratePerMinute,
      completed,
      failed: progress.overall.failed,
      eta_seconds: progress.etaSeconds,
      errors_by_class: progress.errorsByClass,
      error_rate:
        progress.totals.requests === 0
          ? 0
          : Math.round((progress.overall.failed / progress.totals.requests) * 10_000) / 10_000,
      mean_quality_score: progress.meanQualityScore,
      bytes_stored: progress.totals.bytes,
      api_latency_p50_ms: progress.apiLatencyMs.p50,
      api_latency_p95_ms: progress.apiLatencyMs.p95,
      paused: progress.queue.paused,
    },
    'progress',
  );
}
