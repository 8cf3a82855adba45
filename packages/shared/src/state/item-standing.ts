import type { BronzeStore } from '../bronze/index.js';
import type { Redis, RequestQueue } from '../queue/index.js';
import { readCheckpointCompleted } from './checkpoint-writer.js';
import type { RedisState } from './redis-state.js';
import type { PlannedItem } from './season-plan.js';
import { findStoredItems } from './stored-items.js';

/** Where a planned item stands before a run adds anything. */
export type ItemStanding = 'new' | 'queued' | 'done';

export interface ItemStandingDeps {
  readonly state: Pick<RedisState, 'getItems'>;
  readonly store: Pick<BronzeStore, 'listKeys' | 'get'>;
  readonly redis: Pick<Redis, 'pipeline'>;
  readonly queue: Pick<RequestQueue, 'toKey' | 'getJobState' | 'remove'>;
  readonly outputPrefix: string;
  readonly stateFilePrefix: string;
  readonly season: string;
}

/**
 * The standing rule (DESIGN §6). An item is `done` when Redis state, the last checkpoint or the
 * files on S3 say so (their union: with Redis lost, the other two still know); `queued` when its
 * job is in the queue and not finished (failed jobs included: `retry-failed` handles those);
 * else `new`. A job that completed without the item being done (a dry run, or state lost) is
 * removed so it can be added again, unless `dryRun`.
 */
export async function itemStandings(
  deps: ItemStandingDeps,
  items: readonly PlannedItem[],
  options: { readonly dryRun: boolean },
): Promise<Map<string, ItemStanding>> {
  const { outputPrefix, season } = deps;
  const requests = [...new Set(items.map((item) => item.data.request))];
  const [stateItems, stored, checkpointed] = await Promise.all([
    deps.state.getItems(),
    findStoredItems(deps.store, { outputPrefix, season, requests }),
    readCheckpointCompleted(deps.store, deps.stateFilePrefix, season),
  ]);
  const isDone = (id: string) =>
    stateItems.get(id)?.status === 'done' || stored.has(id) || checkpointed.has(id);
  const pending = items.filter((item) => !isDone(item.id));
  const pipeline = deps.redis.pipeline();
  for (const item of pending) pipeline.exists(deps.queue.toKey(item.id));
  const exists = (await pipeline.exec()) ?? [];
  const standing = new Map<string, ItemStanding>();
  for (const item of items) if (isDone(item.id)) standing.set(item.id, 'done');
  for (const [index, item] of pending.entries()) {
    const [, found] = exists[index] ?? [null, 0];
    if (found !== 1) {
      standing.set(item.id, 'new');
      continue;
    }
    const jobState = await deps.queue.getJobState(item.id);
    if (jobState === 'completed' || jobState === 'unknown') {
      if (!options.dryRun) await deps.queue.remove(item.id);
      standing.set(item.id, 'new');
    } else {
      standing.set(item.id, 'queued');
    }
  }
  return standing;
}
