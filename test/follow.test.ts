import { loadConfig } from '@repo/shared/config';
import { followSeason } from '@repo/shared/ingest';
import {
  createMaintenanceQueue,
  itemId,
  type MaintenanceQueue,
  REQUEST_JOB_OPTIONS,
} from '@repo/shared/queue';
import { readFollow, seasonStates } from '@repo/shared/state';
import { createBronzeStore, createNbaAccess } from '@repo/shared/wiring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackfillRun } from './helpers/backfill-run.js';

/**
 * Following a season in progress over three simulated days (issue 13): the simulator's day moves
 * between follow runs; each run adds exactly the games that became final, a game in progress is
 * never stored, and the box scores are re-checked on the day they are due, only a changed one
 * being rewritten. The follow runs are the product's use case run here with the day given; the
 * fetching is done by a real worker process.
 */
const DB = 17;
const SEASON = '2024-25';
const DAYS = ['2024-10-22', '2024-10-23', '2024-10-24'] as const;
/** A job whose id names a game that is not in its data: refused as `client`. */
const MISLABELLED = `${SEASON}.box-score.0022400099`;
let run: BackfillRun;
let maintenance: MaintenanceQueue;
let follow: (today: string) => ReturnType<typeof followSeason>;
let close: () => Promise<void>;

beforeAll(async () => {
  run = await BackfillRun.start({
    db: DB,
    label: 'follow',
    sim: { seed: 5, dateFrom: DAYS[0], dateTo: DAYS[2], today: '2024-10-23' },
    env: { FOLLOW_RECHECK_DAYS: '2', CHECKPOINT_INTERVAL_SECONDS: '3600' },
  });
  const config = loadConfig(run.env);
  const { gate, nba } = createNbaAccess(run.redis, config);
  const store = createBronzeStore(config);
  maintenance = createMaintenanceQueue(run.redis);
  const state = seasonStates(run.redis)(SEASON);
  follow = (today) =>
    followSeason(
      { redis: run.redis, queue: run.queue, maintenance, gate, nba, store, state },
      { ...config, season: SEASON },
      { today, now: new Date() },
    );
  close = async () => {
    await nba.close();
    store.close();
    await maintenance.close();
  };
  run.startWorkers(1);
});

afterAll(async () => {
  await close?.();
  await run?.close();
});

const gamesOn = (day: string) =>
  run.sim
    .summary()
    .games.filter((game) => game.gameDate === day)
    .map((game) => game.gameId);

async function storedBoxScores(): Promise<string[]> {
  return (await run.reader.keys('historical-backfill/box-scores/'))
    .map((key) => /\/(\d{10})\.parquet$/.exec(key)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort();
}

const boxScoreKey = (gameId: string) =>
  `historical-backfill/box-scores/season=${SEASON}/month=10/${gameId}.parquet`;

describe('planner follow over three simulated days', () => {
  it('registers a scheduler in US Eastern time that status shows, and follows the season', async () => {
    const result = await run.planner(['follow', '--season', SEASON, '--no-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Following ${SEASON}: "0 10 * * *" (America/New_York)`);
    const scheduler = await maintenance.getJobScheduler(`follow:${SEASON}`);
    expect([scheduler?.pattern, scheduler?.tz]).toEqual(['0 10 * * *', 'America/New_York']);
  });

  it('day 1: adds the final games only; a game in progress is listed but not planned', async () => {
    const report = await follow('2024-10-23');
    expect(report.since).toBeUndefined();
    expect(report.gamesAdded).toBe(2);
    expect(report.enqueue.notFinal.map((g) => g.gameId).sort()).toEqual(gamesOn(DAYS[1]).sort());
    expect(new Set(report.enqueue.notFinal.map((g) => g.reason))).toEqual(
      new Set(['no result in the game log yet']),
    );
    expect(report.enqueue.added.map((item) => item.id).sort()).toEqual(
      [
        `${SEASON}.players`,
        ...gamesOn(DAYS[0]).flatMap((id) => [`${SEASON}.box-score.${id}`, `${SEASON}.play-by-play.${id}`]),
      ].sort(),
    );
  });

  it('a play-by-play job for a game in progress (one planned without the game log score) stores nothing and leaves the item pending, with a reason', async () => {
    const [live] = gamesOn(DAYS[1]) as [string];
    const data = {
      season: SEASON,
      request: 'play-by-play',
      seasonType: 'Regular Season',
      gameId: live,
      gameDate: DAYS[1],
    } as const;
    await run.queue.add(data.request, data, { ...REQUEST_JOB_OPTIONS, jobId: itemId(data) });
    await run.waitForFinished(6);
    const items = await seasonStates(run.redis)(SEASON).getItems();
    expect(items.get(itemId(data))?.status).toBe('not-final');
    expect(items.get(itemId(data))?.errorMessage).toMatch(
      /^the last action \(.*in period 3\) does not end a period of 4 or more$/,
    );
    expect(
      (await run.reader.keys('historical-backfill/play-by-play/')).some((key) => key.includes(live)),
    ).toBe(false);
    expect(await storedBoxScores()).toEqual(gamesOn(DAYS[0]).sort());
  });

  it('day 2: adds the games that became final since, and asks only for the days since', async () => {
    run.sim.setToday('2024-10-24');
    run.sim.requestLog.clear();
    // One play-by-play of the day stays cut short (the feed still being completed): it fails.
    const [lagging] = gamesOn(DAYS[1]) as [string];
    run.sim.faults.setPlan({
      rules: [{ endpoint: 'playbyplayv3', gameId: lagging, action: { kind: 'truncated' } }],
    });
    const report = await follow('2024-10-24');
    expect(report.since).toBe('2024-10-19');
    const schedule = run.nbaRequests().filter((entry) => entry.endpoint === 'leaguegamelog');
    expect(schedule.map((entry) => entry.query.DateFrom)).toEqual(['10/19/2024']);
    expect(report.gamesAdded).toBe(gamesOn(DAYS[1]).length);
    expect(report.enqueue.notFinal.map((g) => g.gameId).sort()).toEqual(gamesOn(DAYS[2]).sort());
    expect(report.rechecksQueued).toEqual([]);
    expect(report.retried).toEqual({ retried: [], readded: [] });
    // A failure a person must look at: a job whose id names another game (`client`).
    const [first] = gamesOn(DAYS[0]) as [string];
    const wrong = {
      season: SEASON,
      request: 'box-score',
      seasonType: 'Regular Season',
      gameId: first,
      gameDate: DAYS[0],
    } as const;
    await run.queue.add(wrong.request, wrong, { ...REQUEST_JOB_OPTIONS, jobId: MISLABELLED });
    // The not-final job was put back, with the other games of the day.
    const total = 6 - 1 + 2 * gamesOn(DAYS[1]).length + 1;
    expect(await run.waitForFinished(total, 120_000)).toEqual({ completed: total - 2, failed: 2 });
    expect(await storedBoxScores()).toEqual([...gamesOn(DAYS[0]), ...gamesOn(DAYS[1])].sort());
    const items = await seasonStates(run.redis)(SEASON).getItems();
    expect(items.get(`${SEASON}.play-by-play.${lagging}`)).toMatchObject({
      status: 'failed',
      errorKind: 'partial',
    });
    expect(items.get(MISLABELLED)).toMatchObject({ status: 'failed', errorKind: 'client' });
  });

  it('day 3: adds the last games and re-checks the box scores of day 1; only the corrected one is rewritten', async () => {
    const [corrected, same] = gamesOn(DAYS[0]) as [string, string];
    const before = {
      corrected: await run.reader.store.head(boxScoreKey(corrected)),
      same: await run.reader.store.head(boxScoreKey(same)),
      assists: await run.reader.query(boxScoreKey(corrected), 'SELECT sum(assists)::INT AS a FROM {file}'),
    };
    run.sim.addCorrection(corrected);
    run.sim.setToday('2024-10-25');
    run.sim.faults.setPlan({ rules: [] });
    const report = await follow('2024-10-25');
    expect(report.gamesAdded).toBe(gamesOn(DAYS[2]).length);
    expect(report.enqueue.notFinal).toEqual([]);
    expect(report.rechecksQueued).toEqual([corrected, same].map((id) => `${SEASON}.box-score.${id}`).sort());
    // Yesterday's cut play-by-play gets another round; the mislabelled job waits for a person.
    const [lagging] = gamesOn(DAYS[1]) as [string];
    expect(report.retried).toEqual({
      retried: [{ id: `${SEASON}.play-by-play.${lagging}`, errorClass: 'partial' }],
      readded: [],
    });
    const total = 5 + 2 * (gamesOn(DAYS[1]).length + gamesOn(DAYS[2]).length) + 2 + 1;
    expect(await run.waitForFinished(total)).toEqual({ completed: total - 1, failed: 1 });
    expect(await storedBoxScores()).toEqual(DAYS.flatMap(gamesOn).sort());
    expect(
      await run.reader.keys(`historical-backfill/play-by-play/season=${SEASON}/month=10/${lagging}`),
    ).toEqual([`historical-backfill/play-by-play/season=${SEASON}/month=10/${lagging}.parquet`]);

    const after = {
      corrected: await run.reader.store.head(boxScoreKey(corrected)),
      same: await run.reader.store.head(boxScoreKey(same)),
      assists: await run.reader.query(boxScoreKey(corrected), 'SELECT sum(assists)::INT AS a FROM {file}'),
    };
    expect(after.same?.etag).toBe(before.same?.etag);
    expect(after.same?.lastModified).toEqual(before.same?.lastModified);
    expect(after.corrected?.etag).not.toBe(before.corrected?.etag);
    expect(Number(after.assists[0]?.a)).toBe(Number(before.assists[0]?.a) + 1);
    const log = run.workers[0]?.output() ?? '';
    expect(log).toContain('stat correction');
    expect(log).toMatch(/"changed_columns":\["box-scores\.assists"/);

    const view = await readFollow(run.redis, SEASON, null);
    expect(view).toMatchObject({
      gamesAdded: gamesOn(DAYS[2]).length,
      gamesAddedTotal: DAYS.flatMap(gamesOn).length,
      rechecksQueuedTotal: 2,
      corrections: 1,
    });
  });

  it('status shows the season followed; unfollow removes the scheduler', async () => {
    const status = await run.planner(['status', '--season', SEASON]);
    const added = `games added ${gamesOn(DAYS[2]).length} \\(total ${DAYS.flatMap(gamesOn).length}\\)`;
    expect(status.stdout).toMatch(new RegExp(`following 2024-25: last run .*, next run .*, ${added}`));
    const result = await run.planner(['unfollow', '--season', SEASON]);
    expect(result.stdout).toContain('No longer following 2024-25.');
    // BullMQ answers getJobScheduler with an empty shell for a removed one; the list is the truth.
    expect((await maintenance.getJobSchedulers()).map((scheduler) => scheduler.key)).toEqual(['checkpoint']);
    expect(await readFollow(run.redis, SEASON, null)).toBeUndefined();
  });
});
