import {
  createMaintenanceQueue,
  createRedisConnection,
  type MaintenanceQueue,
  nextFollowRun,
  type Redis,
  scheduleFollow,
} from '@repo/shared/queue';
import { type Progress, recordFollowRun, startFollowing } from '@repo/shared/state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, runApp } from '../../../test/helpers/processes.js';
import {
  SEASON_2024_25 as NEWER,
  SEASON_2023_24 as OLDER,
  writeSeasonRecord,
} from '../../../test/helpers/season-records.js';
import { appEnv, testServices } from '../../../test/helpers/services.js';
import { startDashboard, url } from './dashboard-fixture.js';
import { parsePrometheusText } from './prometheus-text.js';

/**
 * Issue 13: one dashboard, every planned season. Two seasons' progress records are written
 * straight to Redis (no run needed), and two dashboards read them: one whose SEASON is the older
 * planned season, one whose SEASON is not planned at all.
 */
const DB = 15;
const PORT = 3926;
const UNPLANNED_SEASON_PORT = 3927;
const services = testServices();
let redis: Redis;
let maintenance: MaintenanceQueue;
let dashboard: RunningApp;
let unplannedSeason: RunningApp;

beforeAll(async () => {
  redis = createRedisConnection(services.redisUrl(DB), 'dashboard-seasons-test');
  await redis.flushdb();
  for (const record of [NEWER, OLDER]) await writeSeasonRecord(redis, record);
  maintenance = createMaintenanceQueue(redis);
  const env = { REDIS_URL: services.redisUrl(DB), LOG_LEVEL: 'warn' };
  [dashboard, unplannedSeason] = await Promise.all([
    startDashboard(PORT, { ...env, SEASON: OLDER.season }),
    startDashboard(UNPLANNED_SEASON_PORT, { ...env, SEASON: '2019-20' }),
  ]);
});

afterAll(async () => {
  await Promise.all([dashboard?.stop(), unplannedSeason?.stop()]);
  await maintenance?.obliterate({ force: true });
  await maintenance?.close();
  await redis?.quit();
});

async function get(path: string, port = PORT): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url(port, path));
  return { status: response.status, body: await response.json() };
}

async function progressOf(path: string, port = PORT): Promise<Progress> {
  const { status, body } = await get(path, port);
  expect(status, path).toBe(200);
  return body as Progress;
}

describe('/api/progress of several planned seasons', () => {
  it("gives each season's own exact counts and totals, and every planned season", async () => {
    for (const expected of [OLDER, NEWER]) {
      const progress = await progressOf(`/api/progress?season=${expected.season}`);
      expect(progress.season).toBe(expected.season);
      expect(progress.seasons).toEqual([OLDER.season, NEWER.season]);
      expect(progress.overall).toEqual(expected.overall);
      expect(progress.requests).toEqual(expected.requests);
      expect(progress.totals).toEqual(expected.totals);
      expect(progress.errorsByClass).toEqual(expected.errorsByClass);
      expect(progress.calendar).toEqual(expected.calendar);
      expect(progress.follow).toBeNull();
    }
  });

  it('without ?season= gives the configured SEASON when planned, else the newest planned season', async () => {
    expect((await progressOf('/api/progress')).season).toBe(OLDER.season);
    expect((await progressOf('/api/progress', UNPLANNED_SEASON_PORT)).season).toBe(NEWER.season);
  });

  it('answers 400 for a malformed season and 404 for one not planned, naming the planned ones', async () => {
    expect(await get('/api/progress?season=x')).toEqual({
      status: 400,
      body: { error: 'season: expected YYYY-YY (e.g. 2024-25), got "x"' },
    });
    expect(await get('/api/progress?season=2024-26')).toEqual({
      status: 400,
      body: { error: 'season: expected YYYY-YY (e.g. 2024-25), got "2024-26"' },
    });
    expect(await get('/api/progress?season=2019-20')).toEqual({
      status: 404,
      body: { error: 'season 2019-20 is not planned; planned: 2023-24, 2024-25' },
    });
  });

  it('is exactly what `planner status --season ... --json` prints', async () => {
    const env = appEnv(services, DB, { S3_BUCKET_NAME: 'unused', LOG_LEVEL: 'warn' });
    const result = await runApp('planner', ['status', '--season', OLDER.season, '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const fromPlanner = JSON.parse(result.stdout) as Progress;
    const fresh = await progressOf(`/api/progress?season=${OLDER.season}`);
    expect({ ...fresh, generatedAt: 'x' }).toEqual({ ...fromPlanner, generatedAt: 'x' });
  });
});

describe('the progress page of several planned seasons', () => {
  it('shows the chosen season, with a picker of every planned season, that one selected', async () => {
    const response = await fetch(url(PORT, `/?season=${NEWER.season}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("form-action 'self'");
    const page = await response.text();
    expect(page).toContain(`<title>50% · NBA backfill ${NEWER.season} · Running</title>`);
    expect(page).toContain('data-testid="overall-percent">50<');
    expect(
      [...page.matchAll(/<option value="([^"]+)"( selected)?>/g)].map((m) => [m[1], m[2] ?? '']),
    ).toEqual([
      [OLDER.season, ''],
      [NEWER.season, ' selected'],
    ]);
    expect(page).toContain(`data-season="${NEWER.season}"`);
  });

  it("refreshes the chosen season's fragment, and opens on the default season without one", async () => {
    const fragment = await (await fetch(url(PORT, `/?season=${OLDER.season}&fragment=1`))).text();
    expect(fragment).toContain(`NBA backfill ${OLDER.season}`);
    expect(fragment).toContain('1 item failed for good');
    const page = await (await fetch(url(UNPLANNED_SEASON_PORT, '/'))).text();
    expect(page).toContain(`<option value="${NEWER.season}" selected>`);
  });

  it('answers a malformed or unplanned season with 400 or 404 and a page naming the planned seasons', async () => {
    const malformed = await fetch(url(PORT, '/?season=%3Cb%3E'));
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(text).toContain('season: expected YYYY-YY (e.g. 2024-25), got &quot;&lt;b&gt;&quot;');
    expect(text).not.toContain('<b>');
    const unplanned = await fetch(url(PORT, '/?season=2019-20'));
    expect(unplanned.status).toBe(404);
    expect(await unplanned.text()).toContain(`<a href="./?season=${OLDER.season}">${OLDER.season}</a>`);
    const fragment = await fetch(url(PORT, '/?season=2019-20&fragment=1'));
    expect(fragment.status).toBe(404);
    expect(await fragment.text()).toBe('season 2019-20 is not planned; planned: 2023-24, 2024-25');
  });
});

describe('/metrics of several planned seasons', () => {
  it('labels every planned season its own figures', async () => {
    const response = await fetch(url(PORT, '/metrics'));
    expect(response.status).toBe(200);
    const samples = parsePrometheusText(await response.text());
    const value = (name: string, labels: Record<string, string>) =>
      samples.filter(
        (s) =>
          s.name === name &&
          Object.keys(s.labels).length === Object.keys(labels).length &&
          Object.entries(labels).every(([k, v]) => s.labels[k] === v),
      );
    for (const expected of [OLDER, NEWER]) {
      const season = expected.season;
      expect(value('nba_backfill_requests_total', { season })).toEqual([
        { name: 'nba_backfill_requests_total', labels: { season }, value: expected.totals.requests },
      ]);
      expect(value('nba_backfill_stored_rows_total', { season })[0]?.value).toBe(expected.totals.rows);
      for (const [request, counts] of Object.entries(expected.requests)) {
        expect(value('nba_backfill_items_completed', { request, season })[0]?.value).toBe(counts.completed);
        expect(value('nba_backfill_items_pending', { request, season })[0]?.value).toBe(counts.pending);
      }
      expect(value('nba_backfill_api_latency_seconds_count', { season })[0]?.value).toBe(
        expected.latenciesMs.length,
      );
    }
    expect(samples.filter((s) => s.labels.season === '2019-20')).toEqual([]);
  });
});

describe('a followed season', () => {
  it('shows in /api/progress, with the next run of its scheduler, on the page and in /metrics', async () => {
    await startFollowing(
      redis,
      NEWER.season,
      { cron: '0 10 * * *', timezone: 'America/New_York' },
      new Date(),
    );
    await recordFollowRun(redis, NEWER.season, {
      at: '2025-01-10T15:00:02.000Z',
      gamesAdded: 2,
      rechecksQueued: 4,
    });
    await recordFollowRun(redis, NEWER.season, {
      at: '2025-01-11T15:00:03.000Z',
      gamesAdded: 3,
      rechecksQueued: 1,
      error: 'leaguegamelog answered HTTP 503 <img src=x>',
    });
    await scheduleFollow(maintenance, NEWER.season, '0 10 * * *');
    const next = await nextFollowRun(maintenance, NEWER.season);
    expect(next).not.toBeNull();

    const progress = await progressOf(`/api/progress?season=${NEWER.season}`);
    expect(progress.follow).toEqual({
      season: NEWER.season,
      cron: '0 10 * * *',
      timezone: 'America/New_York',
      since: expect.any(String),
      lastRunAt: '2025-01-11T15:00:03.000Z',
      nextRunAt: next,
      gamesAdded: 3,
      gamesAddedTotal: 5,
      rechecksQueued: 1,
      rechecksQueuedTotal: 5,
      corrections: 0,
      lastError: 'leaguegamelog answered HTTP 503 <img src=x>',
    });
    expect((await progressOf(`/api/progress?season=${OLDER.season}`)).follow).toBeNull();

    const page = await (await fetch(url(PORT, `/?season=${NEWER.season}`))).text();
    expect(page).toContain(
      `following ${NEWER.season}: last run <time datetime="2025-01-11T15:00:03.000Z">2025-01-11 15:00:03 UTC</time>, ` +
        `next run <time datetime="${next}">`,
    );
    expect(page).toContain('games added 3 (total 5)</p>');
    expect(page).toContain('rechecks queued 1 (total 5), corrections 0');
    expect(page).toContain('last run failed: leaguegamelog answered HTTP 503 &lt;img src=x&gt;');
    expect(page).not.toContain('<img');
    expect(await (await fetch(url(PORT, `/?season=${OLDER.season}`))).text()).not.toContain('following ');

    const metrics = await (await fetch(url(PORT, '/metrics'))).text();
    expect(metrics).toContain(`nba_backfill_follow_games_added_total{season="${NEWER.season}"} 5`);
    expect(metrics).toContain(`nba_backfill_follow_last_run_failed{season="${NEWER.season}"} 1`);
    expect(metrics).toContain(
      `nba_backfill_follow_next_run_timestamp_seconds{season="${NEWER.season}"} ${Date.parse(next ?? '') / 1000}`,
    );
    expect(metrics).not.toContain(`nba_backfill_follow_games_added_total{season="${OLDER.season}"}`);
  });
});
