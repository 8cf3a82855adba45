import type { Redis } from 'ioredis';
import { addDays } from '../identity/index.js';
import { followItemsKey, followKey, type RequestJobData } from '../queue/index.js';

/** How a followed season is followed, and what its last run did (status, dashboard). */
export interface FollowView {
  readonly season: string;
  /** The cron pattern (FOLLOW_CRON) and its time zone. */
  readonly cron: string;
  readonly timezone: string;
  readonly since: string;
  readonly lastRunAt: string | null;
  /** When the scheduler runs next; null when it is not registered any more. */
  readonly nextRunAt: string | null;
  /** Games that became final and were enqueued by the last run, and by every run. */
  readonly gamesAdded: number;
  readonly gamesAddedTotal: number;
  /** Box scores re-fetched to catch stat corrections by the last run, and by every run. */
  readonly rechecksQueued: number;
  readonly rechecksQueuedTotal: number;
  /** Re-fetched box scores whose body had changed and were rewritten, over every run. */
  readonly corrections: number;
  /** Why the last run failed; null when it did not. */
  readonly lastError: string | null;
}

/** What a follow run reports. */
export interface FollowRun {
  readonly at: string;
  readonly gamesAdded: number;
  readonly rechecksQueued: number;
  readonly error?: string;
}

/** Records that a season is followed (by `planner follow`). */
export async function startFollowing(
  redis: Pick<Redis, 'hset'>,
  season: string,
  schedule: { readonly cron: string; readonly timezone: string },
  now: Date,
): Promise<void> {
  await redis.hset(followKey(season), {
    cron: schedule.cron,
    timezone: schedule.timezone,
    since: now.toISOString(),
  });
}

/** Forgets a followed season (by `planner unfollow`); its figures and re-check days go with it. */
export async function stopFollowing(redis: Pick<Redis, 'del'>, season: string): Promise<boolean> {
  return (await redis.del(followKey(season), followItemsKey(season))) >= 1;
}

/** Adds a run's figures; a run of a season that is not followed (any more) records nothing. */
export async function recordFollowRun(
  redis: Pick<Redis, 'exists' | 'multi'>,
  season: string,
  run: FollowRun,
): Promise<void> {
  const key = followKey(season);
  if ((await redis.exists(key)) === 0) return;
  await redis
    .multi()
    .hset(key, {
      lastRunAt: run.at,
      gamesAdded: run.gamesAdded,
      rechecksQueued: run.rechecksQueued,
      lastError: run.error ?? '',
    })
    .hincrby(key, 'gamesAddedTotal', run.gamesAdded)
    .hincrby(key, 'rechecksQueuedTotal', run.rechecksQueued)
    .exec();
}

/** Counts a re-fetched box score whose body had changed (its files were rewritten). */
export async function countCorrection(
  redis: Pick<Redis, 'exists' | 'hincrby'>,
  season: string,
): Promise<void> {
  const key = followKey(season);
  if ((await redis.exists(key)) === 1) await redis.hincrby(key, 'corrections', 1);
}

/** The follow view of a season, or undefined when it is not followed. */
export async function readFollow(
  redis: Pick<Redis, 'hgetall'>,
  season: string,
  nextRunAt: string | null,
): Promise<FollowView | undefined> {
  const all = await redis.hgetall(followKey(season));
  if (all.cron === undefined) return undefined;
  const count = (field: string) => Number(all[field] ?? 0);
  return {
    season,
    cron: all.cron,
    timezone: all.timezone ?? 'UTC',
    since: all.since ?? '',
    lastRunAt: all.lastRunAt ?? null,
    nextRunAt,
    gamesAdded: count('gamesAdded'),
    gamesAddedTotal: count('gamesAddedTotal'),
    rechecksQueued: count('rechecksQueued'),
    rechecksQueuedTotal: count('rechecksQueuedTotal'),
    corrections: count('corrections'),
    lastError: all.lastError === undefined || all.lastError === '' ? null : all.lastError,
  };
}

/** An item `follow` added: when, and when its re-check was queued (days, `YYYY-MM-DD`). */
interface FollowedItem {
  readonly data: RequestJobData;
  readonly addedOn: string;
  readonly recheckQueuedOn?: string;
}

/** Remembers items a follow run added on `today`, so their re-check falls due later. */
export async function rememberFollowedItems(
  redis: Pick<Redis, 'hset'>,
  season: string,
  items: readonly { readonly id: string; readonly data: RequestJobData }[],
  today: string,
): Promise<void> {
  if (items.length === 0) return;
  const fields: Record<string, string> = {};
  for (const item of items)
    fields[item.id] = JSON.stringify({ data: item.data, addedOn: today } satisfies FollowedItem);
  await redis.hset(followItemsKey(season), fields);
}

/** Items whose re-check is due on `today`: added `days` or more days before and not re-checked yet. */
export async function dueRechecks(
  redis: Pick<Redis, 'hgetall'>,
  season: string,
  today: string,
  days: number,
): Promise<{ readonly id: string; readonly data: RequestJobData; readonly addedOn: string }[]> {
  if (days <= 0) return [];
  const due: { id: string; data: RequestJobData; addedOn: string }[] = [];
  for (const [id, raw] of Object.entries(await redis.hgetall(followItemsKey(season)))) {
    const item = JSON.parse(raw) as FollowedItem;
    if (item.recheckQueuedOn === undefined && addDays(item.addedOn, days) <= today)
      due.push({ id, data: item.data, addedOn: item.addedOn });
  }
  return due.sort((a, b) => a.id.localeCompare(b.id));
}

/** Marks re-checks as queued on `today`, so each item is re-checked once. */
export async function markRechecksQueued(
  redis: Pick<Redis, 'hset'>,
  season: string,
  items: readonly { readonly id: string; readonly data: RequestJobData; readonly addedOn: string }[],
  today: string,
): Promise<void> {
  if (items.length === 0) return;
  const fields: Record<string, string> = {};
  for (const item of items)
    fields[item.id] = JSON.stringify({
      data: item.data,
      addedOn: item.addedOn,
      recheckQueuedOn: today,
    } satisfies FollowedItem);
  await redis.hset(followItemsKey(season), fields);
}
