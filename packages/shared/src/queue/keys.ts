/** The only module that names queues and Redis keys. */

export const QUEUE_NAME = 'nba-requests';
/** Unthrottled queue for checkpoints and other housekeeping (DESIGN §6). */
export const MAINTENANCE_QUEUE_NAME = 'backfill-maintenance';

const NAMESPACE = 'nba-backfill';

/**
 * Keys of the global request gate; shared by every process that calls the NBA API: the in-flight
 * slot, the last send stamp, the plan's pace and the send stamps of the last hour (budget).
 */
export function gateKeys(): {
  readonly lock: string;
  readonly last: string;
  readonly pace: string;
  readonly sends: string;
} {
  return {
    lock: `${NAMESPACE}:gate:lock`,
    last: `${NAMESPACE}:gate:last`,
    pace: `${NAMESPACE}:gate:pace`,
    sends: `${NAMESPACE}:gate:sends`,
  };
}

/** Keys of one season's progress record. */
export function stateKeys(season: string): {
  readonly items: string;
  readonly counters: string;
  readonly planned: string;
  readonly latencies: string;
} {
  return {
    items: `${NAMESPACE}:${season}:items`,
    counters: `${NAMESPACE}:${season}:counters`,
    planned: `${NAMESPACE}:${season}:planned`,
    latencies: `${NAMESPACE}:${season}:latencies`,
  };
}

/** What `planner follow` keeps about a followed season: its runs and what they added. */
export function followKey(season: string): string {
  return `${NAMESPACE}:${season}:follow`;
}

/**
 * The items `planner follow` added, with the day it added them and the day their re-check was
 * queued (a hash: item id → JSON).
 */
export function followItemsKey(season: string): string {
  return `${NAMESPACE}:${season}:follow:items`;
}

/** The seasons planned so far (a set; `enqueue season` adds to it). */
export function plannedSeasonsKey(): string {
  return `${NAMESPACE}:seasons`;
}

/**
 * Consecutive failures that look like blocking, consecutive throttled answers and consecutive
 * S3 failures (global).
 */
export function streakKeys(): {
  readonly blocking: string;
  readonly throttled: string;
  readonly storage: string;
} {
  return {
    blocking: `${NAMESPACE}:streak:blocking`,
    throttled: `${NAMESPACE}:streak:throttled`,
    storage: `${NAMESPACE}:streak:storage`,
  };
}

/** The halt in force (blocked API, S3 unavailable) and its probes; absent when none. */
export function haltKey(): string {
  return `${NAMESPACE}:halt`;
}

/** Taken for a few seconds by the worker that halts the queue, so only one does. */
export function haltClaimKey(): string {
  return `${NAMESPACE}:halt:claim`;
}

/** Why the request queue was paused (absent when it was not paused by the product). */
export function pauseReasonKey(): string {
  return `${NAMESPACE}:pause-reason`;
}
