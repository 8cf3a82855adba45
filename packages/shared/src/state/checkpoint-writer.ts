import type { Redis } from 'ioredis';
import { type BronzeStore, checkpointKey, dailyProgressKey, legacyCheckpointKey } from '../bronze/index.js';
import { REQUEST_NAMES } from '../nba/index.js';
import { readCoolDownUntil, readHalt, readSendsLastHour } from '../queue/index.js';
import {
  buildCheckpoint,
  buildDailyProgress,
  type Checkpoint,
  carriedControlOf,
  completedIdsOf,
} from './checkpoint.js';
import { collectProgress, type ProgressQueue } from './collect-progress.js';
import type { Progress } from './progress.js';
import type { RedisState } from './redis-state.js';
import { findStoredItems } from './stored-items.js';

export interface CheckpointWriterDeps {
  readonly redis: Redis;
  readonly state: RedisState;
  readonly queue: ProgressQueue;
  readonly store: Pick<BronzeStore, 'put' | 'get' | 'listKeys'>;
  readonly stateFilePrefix: string;
  /** Where the Bronze files are: what S3 holds counts as done in the checkpoint too. */
  readonly outputPrefix: string;
  readonly rateLimitSeconds: number;
}

/**
 * Writes the season's `checkpoint.json` and the day's `progress.json` from the state in Redis,
 * joined with what the stored checkpoint and the S3 listing already cover: a checkpoint never
 * lists fewer done items than the one it replaces, even after Redis lost its record. Two writers
 * at once (a shutting-down worker and the scheduled job) each write such a union, so neither
 * loses what the other knew. It also keeps the halt, the throttled cool-down and the hourly
 * budget's sends, which `enqueue` puts back after a lost Redis. While Redis holds no plan of the
 * season (lost, and `enqueue` not run yet) the stored checkpoint's halt, cool-down, pause and
 * failures stand: a worker's drain or shutdown checkpoint must not wipe what the restore needs.
 */
export async function writeCheckpoint(
  deps: CheckpointWriterDeps,
  now = new Date(),
): Promise<{
  checkpoint: Checkpoint;
  progress: Progress;
  keys: string[];
}> {
  const season = deps.state.season;
  const [progress, items, stored, onS3, halt, coolDownUntil, sends, planned] = await Promise.all([
    collectProgress({
      redis: deps.redis,
      state: deps.state,
      queue: deps.queue,
      rateLimitSeconds: deps.rateLimitSeconds,
      now,
    }),
    deps.state.getItems(),
    readStoredCheckpoints(deps.store, deps.stateFilePrefix, season),
    findStoredItems(deps.store, { outputPrefix: deps.outputPrefix, season, requests: REQUEST_NAMES }),
    readHalt(deps.redis),
    readCoolDownUntil(deps.redis, deps.rateLimitSeconds * 1000),
    readSendsLastHour(deps.redis),
    deps.state.getPlanned(),
  ]);
  const checkpoint = buildCheckpoint(progress, items, {
    completed: [...completedOfStored(stored, season), ...onS3],
    halt: halt ?? null,
    coolDownUntil,
    sentLastHour: sends,
    ...(stored.length === 0
      ? {}
      : { stored: { control: carriedControlOf(stored[0]), lost: planned.size === 0 } }),
  });
  const date = now.toISOString().slice(0, 10);
  const daily = buildDailyProgress(progress, items, date);
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
 * The season's stored checkpoints, parsed: its own and one an older release wrote at the top of
 * the prefix for the same season, in that order. A file that is missing, not JSON or of another
 * season tells nothing (S3 and Redis still do).
 */
async function readStoredCheckpoints(
  store: Pick<BronzeStore, 'get'>,
  stateFilePrefix: string,
  season: string,
): Promise<unknown[]> {
  const bodies = await Promise.all([
    store.get(checkpointKey(stateFilePrefix, season)),
    store.get(legacyCheckpointKey(stateFilePrefix)),
  ]);
  const found: unknown[] = [];
  for (const body of bodies) {
    if (body === undefined) continue;
    try {
      const parsed = JSON.parse(body.toString('utf8')) as { season?: unknown };
      if (parsed.season === season) found.push(parsed);
    } catch {
      // Not JSON: nothing to read from it.
    }
  }
  return found;
}

/** The item ids the season's stored checkpoints list as done (empty when there is none). */
export async function readCheckpointCompleted(
  store: Pick<BronzeStore, 'get'>,
  stateFilePrefix: string,
  season: string,
): Promise<Set<string>> {
  return completedOfStored(await readStoredCheckpoints(store, stateFilePrefix, season), season);
}

function completedOfStored(checkpoints: readonly unknown[], season: string): Set<string> {
  const completed = new Set<string>();
  for (const checkpoint of checkpoints)
    for (const id of completedIdsOf(checkpoint, season)) completed.add(id);
  return completed;
}

/** The season's stored checkpoint, parsed (its own first, else one an older release wrote). */
export async function readStoredCheckpoint(
  store: Pick<BronzeStore, 'get'>,
  stateFilePrefix: string,
  season: string,
): Promise<unknown> {
  return (await readStoredCheckpoints(store, stateFilePrefix, season))[0];
}
