import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackfillRun } from './helpers/backfill-run.js';
import { waitFor } from './helpers/processes.js';

/**
 * Two simulated seasons planned in one command (issue 13): both complete, each with its own
 * progress record and checkpoint, fetched in the order given; a second enqueue adds nothing.
 */
const DB = 16;
const SEASONS = ['2024-25', '2023-24'] as const;
let run: BackfillRun;

beforeAll(async () => {
  // Opening night of each season: two games each (2024-10-22, and 2023-10-22's shifted twins).
  run = await BackfillRun.start({
    db: DB,
    label: 'multi-season',
    sim: { seed: 3, seasons: [...SEASONS], dateFrom: '2024-10-22', dateTo: '2024-10-22', latencyMs: 600 },
    // No scheduled checkpoint comes within the test: the one on drain must hold every item. Answers
    // slower than the pace leave the last job running when BullMQ says 'drained' (the gap of old).
    env: { CHECKPOINT_INTERVAL_SECONDS: '3600' },
  });
});

afterAll(async () => {
  await run?.close();
});

/** The season an NBA request was for: its Season parameter, or the year digits of its game id. */
function seasonOfRequest(query: Readonly<Record<string, string>>): string | undefined {
  if (query.Season !== undefined) return query.Season;
  const yy = query.GameID?.slice(3, 5);
  return yy === undefined ? undefined : SEASONS.find((season) => season.slice(2, 4) === yy);
}

describe('several seasons in one plan', () => {
  it('enqueues each season in the order given, with its own game ids', async () => {
    const games = Object.fromEntries(SEASONS.map((season) => [season, run.sim.summary(season).games]));
    expect(games['2024-25']?.map((g) => g.gameId)).toEqual(['0022400061', '0022400062']);
    expect(games['2023-24']?.every((g) => g.gameId.startsWith('00223'))).toBe(true);
    expect(games['2023-24']).toHaveLength(2);

    const result = await run.planner(['enqueue', 'season', '--season', SEASONS.join(',')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.indexOf('Season 2024-25')).toBeLessThan(result.stdout.indexOf('Season 2023-24'));
    expect(result.stdout.match(/Enqueued 5 new job\(s\)/g)).toHaveLength(2);
  });

  it('completes both, fetching the first season before the second', async () => {
    run.sim.requestLog.clear();
    run.startWorkers(1);
    expect(await run.waitForFinished(10)).toEqual({ completed: 10, failed: 0 });
    const order = run.nbaRequests().map((entry) => seasonOfRequest(entry.query));
    expect(order).toEqual([...Array(5).fill('2024-25'), ...Array(5).fill('2023-24')]);
  });

  it('stores each season under its own partition', async () => {
    const keys = (await run.reader.keys('historical-backfill/')).filter(
      (key) => key.endsWith('.parquet') && !key.includes('/games/'),
    );
    const bySeason = (season: string) => keys.filter((key) => key.includes(`/season=${season}/`)).sort();
    const ids2024 = run.sim.summary('2024-25').games.map((g) => g.gameId);
    const ids2023 = run.sim.summary('2023-24').games.map((g) => g.gameId);
    const expected = (season: string, ids: readonly string[]) =>
      [
        `historical-backfill/players/season=${season}/players.parquet`,
        ...ids.flatMap((id) =>
          ['box-scores', 'box-scores-teams', 'play-by-play'].map(
            (dataset) => `historical-backfill/${dataset}/season=${season}/month=10/${id}.parquet`,
          ),
        ),
      ].sort();
    expect(bySeason('2024-25')).toEqual(expected('2024-25', ids2024));
    expect(bySeason('2023-24')).toEqual(expected('2023-24', ids2023));
  });

  it('keeps a progress record and a checkpoint per season', async () => {
    const status = await run.planner(['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    const reports = JSON.parse(status.stdout) as {
      season: string;
      seasons: string[];
      overall: { planned: number; completed: number; failed: number };
    }[];
    expect(reports.map((r) => [r.season, r.overall])).toEqual([
      ['2023-24', { planned: 5, completed: 5, failed: 0, retrying: 0, pending: 0 }],
      ['2024-25', { planned: 5, completed: 5, failed: 0, retrying: 0, pending: 0 }],
    ]);
    expect(reports[0]?.seasons).toEqual(['2023-24', '2024-25']);
    const one = JSON.parse((await run.planner(['status', '--json', '--season', '2023-24'])).stdout) as {
      season: string;
    };
    expect(one.season).toBe('2023-24');

    // The worker checkpoints every planned season when the queue drains, once the last jobs it
    // took are done (BullMQ says 'drained' while they still run).
    for (const season of SEASONS) {
      const key = `backfill-state/season=${season}/checkpoint.json`;
      const checkpoint = await waitFor(
        `the ${season} checkpoint`,
        async () => {
          const body = await run.reader.store.get(key);
          const parsed = JSON.parse(body?.toString('utf8') ?? '{}') as {
            season?: string;
            completed?: string[];
          };
          return parsed.completed?.length === 5 ? parsed : undefined;
        },
        15_000,
      );
      expect(checkpoint.season).toBe(season);
      expect(checkpoint.completed?.every((id) => id.startsWith(`${season}.`))).toBe(true);
    }
    expect(await run.reader.keys('backfill-state/checkpoint.json')).toEqual([]);
  });

  it('adds nothing and asks the API nothing when the same seasons are enqueued again', async () => {
    run.sim.requestLog.clear();
    const again = await run.planner(['enqueue', 'season', '--season', SEASONS.join(',')]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.match(/Enqueued 0 new job\(s\) \(nothing to do\)/g)).toHaveLength(2);
    expect(run.nbaRequests()).toEqual([]);
  });
});
