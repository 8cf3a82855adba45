import type { Progress } from '@repo/shared/state';
import type { Registry } from 'prom-client';

/** One planned season as a scrape sees it. */
export interface SeasonSnapshot {
  readonly progress: Progress;
  /** The season's latest API latencies in ms, newest first (`RedisState.getLatencies()`). */
  readonly latenciesMs: readonly number[];
}

/** Declares a group of metrics in `registers` and returns what sets them from one season. */
export type MetricGroup = (registers: Registry[]) => (snapshot: SeasonSnapshot) => void;

export function unixSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

/**
 * A metric registered on its first value, so one that no season has (no halt, no budget, no
 * follow) writes not even its HELP line.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}
