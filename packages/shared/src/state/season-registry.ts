import type { Redis } from 'ioredis';
import { plannedSeasonsKey } from '../queue/index.js';
import { RedisState } from './redis-state.js';

/** Adds seasons to the planned ones (idempotent). */
export async function addPlannedSeasons(
  redis: Pick<Redis, 'sadd'>,
  seasons: readonly string[],
): Promise<void> {
  if (seasons.length > 0) await redis.sadd(plannedSeasonsKey(), ...seasons);
}

/**
 * The seasons planned so far, oldest first; `fallback` (the configured SEASON) when none is,
 * as after a lost Redis, so a command without `--season` still shows the season it would plan.
 */
export async function plannedSeasons(redis: Pick<Redis, 'smembers'>, fallback: string): Promise<string[]> {
  const seasons = await redis.smembers(plannedSeasonsKey());
  return seasons.length === 0 ? [fallback] : seasons.sort();
}

/** One `RedisState` per season, made on first use: a worker serves every planned season. */
export function seasonStates(redis: Redis): (season: string) => RedisState {
  const states = new Map<string, RedisState>();
  return (season) => {
    let state = states.get(season);
    if (state === undefined) {
      state = new RedisState(redis, season);
      states.set(season, state);
    }
    return state;
  };
}
