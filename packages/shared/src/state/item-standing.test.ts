import { describe, expect, it } from 'vitest';
import { type ItemStandingDeps, itemStandings } from './item-standing.js';
import type { ItemState } from './item-state.js';
import { planSeasonItems } from './season-plan.js';

const SEASON = '2024-25';
const GAMES = ['0022400061', '0022400062', '0022400063', '0022400064', '0022400065'].map((gameId) => ({
  gameId,
  gameDate: '2024-10-22',
  seasonType: 'Regular Season' as const,
}));
// players + one box score per game: six items.
const ITEMS = planSeasonItems(SEASON, GAMES, ['box-score']);
const id = (gameId: string) => `${SEASON}.box-score.${gameId}`;

/** Small fakes of Redis state, S3, the Redis pipeline and the queue, recording removals. */
function fakes(world: {
  readonly state?: Record<string, ItemState['status']>;
  readonly s3Games?: readonly string[];
  readonly checkpointed?: readonly string[];
  /** Where the checkpoint is: the season's own key, or the one older releases wrote. */
  readonly checkpointKey?: string;
  readonly jobs?: Record<string, 'waiting' | 'active' | 'failed' | 'completed' | 'unknown'>;
}): { deps: ItemStandingDeps; removed: string[] } {
  const removed: string[] = [];
  const keys = (world.s3Games ?? []).flatMap((g) => [
    `out/box-scores/season=${SEASON}/month=10/${g}.parquet`,
    `out/box-scores-teams/season=${SEASON}/month=10/${g}.parquet`,
  ]);
  const checkpoint = JSON.stringify({ season: SEASON, completed: world.checkpointed ?? [] });
  const jobs = world.jobs ?? {};
  const deps: ItemStandingDeps = {
    state: {
      getItems: async () =>
        new Map(
          Object.entries(world.state ?? {}).map(([k, status]) => [
            k,
            { status, updatedAt: '2025-01-01T00:00:00.000Z' } as ItemState,
          ]),
        ),
    },
    store: {
      listKeys: async (prefix: string) => keys.filter((k) => k.startsWith(prefix)),
      get: async (key: string) =>
        key === (world.checkpointKey ?? `state/season=${SEASON}/checkpoint.json`)
          ? Buffer.from(checkpoint)
          : undefined,
    },
    redis: {
      pipeline: () => {
        const asked: string[] = [];
        const pipeline = {
          exists: (key: string) => {
            asked.push(key);
            return pipeline;
          },
          exec: async () => asked.map((key) => [null, key.slice(2) in jobs ? 1 : 0] as [null, number]),
        };
        return pipeline as unknown as ReturnType<ItemStandingDeps['redis']['pipeline']>;
      },
    },
    queue: {
      toKey: (jobId: string) => `q:${jobId}`,
      getJobState: async (jobId: string) => jobs[jobId] ?? 'unknown',
      remove: async (jobId: string) => {
        removed.push(jobId);
        return 1;
      },
    } as unknown as ItemStandingDeps['queue'],
    outputPrefix: 'out',
    stateFilePrefix: 'state',
    season: SEASON,
  };
  return { deps, removed };
}

describe('itemStandings', () => {
  it('is done by Redis, the checkpoint or S3; queued by an unfinished job; else new', async () => {
    const { deps, removed } = fakes({
      state: { [id('0022400061')]: 'done', [id('0022400065')]: 'failed' },
      checkpointed: [id('0022400062')],
      s3Games: ['0022400063'],
      jobs: { [id('0022400064')]: 'waiting', [id('0022400065')]: 'failed' },
    });
    const standing = await itemStandings(deps, ITEMS, { dryRun: false });
    expect(Object.fromEntries(standing)).toEqual({
      [`${SEASON}.players`]: 'new',
      [id('0022400061')]: 'done',
      [id('0022400062')]: 'done',
      [id('0022400063')]: 'done',
      [id('0022400064')]: 'queued',
      [id('0022400065')]: 'queued',
    });
    expect(removed).toEqual([]);
  });

  it('also reads the checkpoint an older release wrote at the top of the state prefix', async () => {
    const { deps } = fakes({ checkpointed: [id('0022400062')], checkpointKey: 'state/checkpoint.json' });
    expect((await itemStandings(deps, ITEMS, { dryRun: true })).get(id('0022400062'))).toBe('done');
  });

  it('removes a completed job whose item is not done, so it can be added again (not in a dry run)', async () => {
    const world = { jobs: { [id('0022400061')]: 'completed' as const } };
    const dry = fakes(world);
    expect((await itemStandings(dry.deps, ITEMS, { dryRun: true })).get(id('0022400061'))).toBe('new');
    expect(dry.removed).toEqual([]);
    const real = fakes(world);
    expect((await itemStandings(real.deps, ITEMS, { dryRun: false })).get(id('0022400061'))).toBe('new');
    expect(real.removed).toEqual([id('0022400061')]);
  });
});
