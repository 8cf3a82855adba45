import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { NBA_TIMEZONE } from '../identity/index.js';
import { MAINTENANCE_QUEUE_NAME } from './keys.js';
import type { ProbeJobData } from './self-healing.js';

/**
 * Jobs of the unthrottled housekeeping queue: checkpoints of every planned season (or of one
 * `season`, as schedulers of older releases asked), and the probes of a halted queue.
 */
export type MaintenanceJobData =
  | { readonly task: 'checkpoint'; readonly season?: string }
  | { readonly task: 'follow'; readonly season: string }
  | ProbeJobData;

export type MaintenanceQueue = Queue<MaintenanceJobData>;

export const CHECKPOINT_SCHEDULER_ID = 'checkpoint';

export function createMaintenanceQueue(connection: Redis): MaintenanceQueue {
  return new Queue<MaintenanceJobData>(MAINTENANCE_QUEUE_NAME, {
    connection,
    defaultJobOptions: { removeOnComplete: 100, removeOnFail: 100 },
  });
}

/**
 * One checkpoint job every `everyMs` (DESIGN §6): a BullMQ job scheduler, so however many
 * workers run, each tick is one job taken by one of them, and it checkpoints every planned
 * season (one scheduler whatever the number of seasons: planning another one cannot re-point
 * it). Upserting is idempotent.
 */
export async function scheduleCheckpoints(queue: MaintenanceQueue, everyMs: number): Promise<void> {
  await queue.upsertJobScheduler(
    CHECKPOINT_SCHEDULER_ID,
    { every: everyMs },
    { name: 'checkpoint', data: { task: 'checkpoint' } },
  );
}

/** The job scheduler of a followed season (one per season). */
export function followSchedulerId(season: string): string {
  return `follow:${season}`;
}

/** Follow runs are scheduled in the NBA's own time zone (US Eastern). */
export const FOLLOW_TIMEZONE = NBA_TIMEZONE;

/** Runs a follow pass of `season` at every tick of `cron` (US Eastern). Upserting is idempotent. */
export async function scheduleFollow(queue: MaintenanceQueue, season: string, cron: string): Promise<void> {
  await queue.upsertJobScheduler(
    followSchedulerId(season),
    { pattern: cron, tz: FOLLOW_TIMEZONE },
    { name: 'follow', data: { task: 'follow', season } },
  );
}

/** Removes the season's follow scheduler; false when there was none. */
export async function unscheduleFollow(queue: MaintenanceQueue, season: string): Promise<boolean> {
  return queue.removeJobScheduler(followSchedulerId(season));
}

/** When the season's follow scheduler runs next (ISO), or null when it is not registered. */
export async function nextFollowRun(
  queue: Pick<MaintenanceQueue, 'getJobScheduler'>,
  season: string,
): Promise<string | null> {
  const scheduler = await queue.getJobScheduler(followSchedulerId(season));
  const next = scheduler?.next;
  return next === undefined || next === null ? null : new Date(next).toISOString();
}
