import type { SimServer } from '@repo/nba-sim';
import { createRedisConnection, createRequestQueue, type Redis } from '@repo/shared/queue';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BronzeReader } from './helpers/bronze-reader.js';
import { startEdgeSim } from './helpers/edge-sim.js';
import { runApp } from './helpers/processes.js';
import { appEnv, createTestBucket, testServices } from './helpers/services.js';

const DB = 4;
const services = testServices();
let sim: SimServer;
let redis: Redis;
let reader: BronzeReader;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  // A slice with regular-season games and the whole play-in.
  const edge = await startEdgeSim({ seed: 3, dateFrom: '2025-04-12', dateTo: '2025-04-18' });
  sim = edge.sim;
  redis = createRedisConnection(services.redisUrl(DB), 'planner-test');
  env = appEnv(services, DB, { ...edge.apiEnv, RATE_LIMIT_SECONDS: '0.05' });
});

beforeEach(async () => {
  await redis.flushdb();
  sim.requestLog.clear();
  sim.faults.setPlan({ seed: 1, rules: [] });
  await reader?.close();
  env.S3_BUCKET_NAME = await createTestBucket(services, 'planner');
  reader = new BronzeReader(services, env.S3_BUCKET_NAME);
});

afterAll(async () => {
  await reader?.close();
  await redis?.quit();
  await sim?.close();
});

describe('planner', () => {
  it('--dry-run prints the plan and enqueues and writes nothing', async () => {
    const listed = sim.summary().gamesBySeasonType;
    const result = await runApp('planner', ['enqueue', 'season', '--dry-run'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`Regular Season\\s+${listed['Regular Season']} games`));
    expect(result.stdout).toMatch(/PlayIn\s+6 games\s+2025-04-15 \.\. 2025-04-18/);
    expect(result.stdout).toMatch(/Playoffs\s+0 games/);
    const games = listed['Regular Season'] + 6;
    expect(result.stdout).toContain(`Dry run: nothing enqueued. ${2 * games + 1} job(s) would be added`);
    expect(await reader.keys()).toEqual([]);
    const queue = createRequestQueue(redis);
    expect(await queue.count()).toBe(0);
    await queue.close();
  });

  it('plans the season types it could get and exits 1 naming the one that failed', async () => {
    // The second schedule request (PlayIn) answers 400.
    sim.faults.setPlan({
      seed: 1,
      rules: [
        {
          endpoint: 'leaguegamelog',
          after: 1,
          times: 1,
          action: { kind: 'bad-request', message: 'The field SeasonType is invalid.' },
        },
      ],
    });
    const result = await runApp('planner', ['enqueue', 'season'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'PlayIn: schedule FAILED, its games are not planned: [client] leaguegamelog answered HTTP 400',
    );
    const regular = sim.summary().gamesBySeasonType['Regular Season'];
    expect(result.stdout).toContain(`Enqueued ${2 * regular + 1} new job(s)`);
    // The regular-season schedule is kept; the failed one is asked for again next time.
    expect(await reader.keys('historical-backfill/_raw/schedule/')).toEqual([
      'historical-backfill/_raw/schedule/season=2024-25/regular-season.json.gz',
    ]);
    sim.requestLog.clear();
    const again = await runApp('planner', ['enqueue', 'season'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Enqueued 12 new job(s)');
    // Only the season types not stored were asked for: PlayIn (6 games) and Playoffs (empty).
    expect(sim.requestLog.entries().map((e) => e.query.SeasonType)).toEqual(['PlayIn', 'Playoffs']);
  });

  it('status shows what is planned, per request type', async () => {
    await runApp('planner', ['enqueue', 'season', '--endpoints', 'box-score'], env);
    const result = await runApp('planner', ['status', '--json'], env);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      requests: Record<string, { planned: number; completed: number; pending: number }>;
      queue: { paused: boolean; counts: Record<string, number> };
    };
    const games = sim.summary().games.length;
    expect(report.requests).toEqual({
      players: { planned: 1, completed: 0, failed: 0, retrying: 0, pending: 1 },
      'box-score': { planned: games, completed: 0, failed: 0, retrying: 0, pending: games },
    });
    expect(report.queue.paused).toBe(false);
    expect(report.queue.counts.waiting).toBe(games + 1);
    const text = await runApp('planner', ['status'], env);
    expect(text.stdout).toMatch(new RegExp(`box-score\\s+\\[-+\\]\\s+0\\s+${games}\\s+0%`));
  });

  it('--help explains every command', async () => {
    const top = await runApp('planner', ['--help'], { PATH: process.env.PATH });
    expect(top.code).toBe(0);
    for (const command of ['enqueue', 'status', 'follow', 'unfollow', 'catalog', 'verify', 'rebuild'])
      expect(top.stdout).toContain(command);
    const enqueue = await runApp('planner', ['enqueue', 'season', '--help'], { PATH: process.env.PATH });
    expect(enqueue.code).toBe(0);
    for (const flag of [
      '--season <seasons>',
      '--season-types <list>',
      '--endpoints <list>',
      '--dry-run',
      '--refresh',
    ]) {
      expect(enqueue.stdout).toContain(flag);
    }
    expect(enqueue.stdout).toContain('2019-20..2024-25');
    const badSeason = await runApp('planner', ['enqueue', 'season', '--season', '2024-26'], {
      PATH: process.env.PATH,
    });
    expect(badSeason.code).toBe(1);
    expect(badSeason.stderr).toContain(
      "option '--season <seasons>' argument '2024-26' is invalid. season: expected YYYY-YY with YY = YYYY + 1 (mod 100), e.g. 2024-25 or 1999-00, got \"2024-26\"",
    );
    const twoToFollow = await runApp('planner', ['follow', '--season', '2023-24,2024-25'], {
      PATH: process.env.PATH,
    });
    expect(twoToFollow.code).toBe(1);
    expect(twoToFollow.stderr).toContain('expected one season, got 2 (2023-24, 2024-25)');
    const bad = await runApp('planner', ['enqueue', 'seasons'], { PATH: process.env.PATH });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("unknown command 'seasons'");
  });
});
