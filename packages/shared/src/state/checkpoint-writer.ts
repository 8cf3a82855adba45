import type { Redis } from 'ioredis';
import { type BronzeStore, checkpointKey, dailyProgressKey, legacyCheckpointKey } from '../bronze/index.js';
import { buildCheckpoint, buildDailyProgress, type Checkpoint, completedIdsOf } from './checkpoint.js';
import { collectProgress, type ProgressQueue } from './collect-progress.js';
import type { Progress } from './progress.js';
import type { RedisState } from './redis-state.js';

export interface CheckpointWriterDeps {
  readonly redis: Redis;
  readonly state: RedisState;
  readonly queue: ProgressQueue;
  readonly store: Pick<BronzeStore, 'put' | 'get'>;
  readonly stateFilePrefix: string;
  readonly rateLimitSeconds: number;
}

/**
 * Writes `checkpoint.json` and the day's `progress.json` from the state in Redis. Each write is a
 * whole snapshot computed from Redis (never a read-modify-write of the S3 object), so a write
 * from a shutting-down worker and one from the scheduled job cannot corrupt each other.
 */
export async function writeCheckpoint(
  deps: CheckpointWriterDeps,
  now = new Date(),
): Promise<{
  checkpoint: Checkpoint;
  progress: Progress;
  keys: string[];
}> {
  const [progress, items] = await Promise.all([
    collectProgress({
      redis: deps.redis,
      state: deps.state,
      queue: deps.queue,
      rateLimitSeconds: deps.rateLimitSeconds,
      now,
    }),
    deps.state.getItems(),
  ]);
  const checkpoint = buildCheckpoint(progress, items);
  const date = now.toISOString().slice(0, 10);
  const daily = buildDailyProgress(progress, items, date);
  const season = deps.state.season;
  const keys = [
    checkpointKey(deps.stateFilePrefix, season),
    dailyProgressKey(deps.stateFilePrefix, season, date),
  ];
  const json = { contentType: 'application/json' };
  await Promise.all([
    deps.store.put(keys[0] as string, `${JSON.stringify(checkpoint, null, 2)}\n`, json),
    deps.store.put(keys[1] as string, `${JSON.stringify(daily, null, 2)}\n`, json),
  ]);
  return { checkpoint, progress, keys };
}

/**
 * The item ids the season's stored checkpoint lists as done, and those of a checkpoint an older
 * release wrote at the top of the prefix for the same season (empty when there is none).
 */
export async function readCheckpointCompleted(
  store: Pick<BronzeStore, 'get'>,
  stateFilePrefix: string,
  season: string,
): Promise<Set<string>> {
  const bodies = await Promise.all([
    store.get(checkpointKey(stateFilePrefix, season)),
    store.get(legacyCheckpointKey(stateFilePrefix)),
  ]);
  const completed = new Set<string>();
  for (const body of bodies) {
    if (body === undefined) continue;
    try {
      for (const id of completedIdsOf(JSON.parse(body.toString('utf8')) as unknown, season))
        completed.add(id);
    } catch {
      // A checkpoint that is not JSON tells nothing; S3 and Redis still do.
    }
  }
  return completed;
}
