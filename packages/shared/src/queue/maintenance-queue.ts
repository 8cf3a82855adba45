import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { MAINTENANCE_QUEUE_NAME } from './keys.js';
import type { ProbeJobData } from './self-healing.js';

/** Jobs of the unthrottled housekeeping queue: checkpoints, and the probes of a halted queue. */
export type MaintenanceJobData = { readonly task: 'checkpoint'; readonly season: string } | ProbeJobData;

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
 * workers run, each tick is one job taken by one of them. Upserting is idempotent.
 */
export async function scheduleCheckpoints(
  queue: MaintenanceQueue,
  season: string,
  everyMs: number,
): Promise<void> {
  await queue.upsertJobScheduler(
    CHECKPOINT_SCHEDULER_ID,
    { every: everyMs },
    { name: 'checkpoint', data: { task: 'checkpoint', season } },
  );
}
