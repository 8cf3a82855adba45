import type { GameSummary, SimServer } from '@repo/nba-sim';
import { createRedisConnection, createRequestQueue, type Redis } from '@repo/shared/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BronzeReader } from './helpers/bronze-reader.js';
import { startEdgeSim } from './helpers/edge-sim.js';
import { type RunningApp, runApp, startApp, waitFor } from './helpers/processes.js';
import { minSendGapMs, newSendLogFile, readSends } from './helpers/send-log.js';
import { appEnv, createTestBucket, testServices } from './helpers/services.js';

/**
 * The walking skeleton end to end: a slice of the simulated season (two days across two months)
 * goes through `enqueue season` and two worker processes into S3, and everything stored is
 * checked against what the simulator served.
 */
const DB = 2;
const INTERVAL_SECONDS = 0.1;
const SLICE = { dateFrom: '2024-10-31', dateTo: '2024-11-01' } as const;

const services = testServices();
let bucket: string;
let sim: SimServer;
let redis: Redis;
let reader: BronzeReader;
let env: NodeJS.ProcessEnv;
let games: readonly GameSummary[];
let rosterSize: number;
const sendLog = newSendLogFile('pipeline');
const workers: RunningApp[] = [];

beforeAll(async () => {
  const edge = await startEdgeSim({ seed: 7, ...SLICE });
  sim = edge.sim;
  games = sim.summary().games;
  // How many players the directory lists, asked before the run (then the log is cleared).
  const players = (await (
    await fetch(`${edge.plainStatsUrl}/commonallplayers?IsOnlyCurrentSeason=1&LeagueID=00&Season=2024-25`)
  ).json()) as { resultSets: { rowSet: unknown[] }[] };
  rosterSize = players.resultSets[0]?.rowSet.length ?? 0;
  sim.requestLog.clear();

  redis = createRedisConnection(services.redisUrl(DB), 'pipeline-test');
  await redis.flushdb();
  bucket = await createTestBucket(services, 'pipeline');
  reader = new BronzeReader(services, bucket);
  env = appEnv(services, DB, {
    S3_BUCKET_NAME: bucket,
    ...edge.apiEnv,
    RATE_LIMIT_SECONDS: String(INTERVAL_SECONDS),
    WORKER_CONCURRENCY: '2',
    LOG_LEVEL: 'info',
    // The slice holds no play-in or playoff games; a real finished season would list all three.
    SEASON_TYPES: 'Regular Season',
    NBA_SEND_LOG_FILE: sendLog,
  });
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  await redis?.quit();
  await reader?.close();
  await sim?.close();
});

describe('a season slice from the simulator to S3', () => {
  it('has at least 20 games across two months', () => {
    expect(games.length).toBeGreaterThanOrEqual(20);
    expect(new Set(games.map((g) => g.gameDate.slice(5, 7)))).toEqual(new Set(['10', '11']));
  });

  it('enqueue season prints the plan and enqueues players plus one job per game and endpoint', async () => {
    const result = await runApp('planner', ['enqueue', 'season'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/error/i);
    // Before its first NBA request, once: the simulator's certificate is taken unchecked.
    expect(result.stderr.split('\n').filter((l) => l.includes('NBA_API_INSECURE_TLS is on'))).toHaveLength(1);
    const n = games.length;
    expect(result.stdout).toContain(`Regular Season  ${n} games`);
    expect(result.stdout).toMatch(new RegExp(`box-score\\s+${n}\\s+${n}\\s+0\\s+0`));
    expect(result.stdout).toMatch(new RegExp(`play-by-play\\s+${n}\\s+${n}\\s+0\\s+0`));
    expect(result.stdout).toContain(`Enqueued ${2 * n + 1} new job(s)`);
    const queue = createRequestQueue(redis);
    const counts = await queue.getJobCounts('waiting', 'prioritized');
    await queue.close();
    expect((counts.waiting ?? 0) + (counts.prioritized ?? 0)).toBe(2 * n + 1);
    expect(await queue.getJob(`2024-25.box-score.${games[0]?.gameId}`)).toBeDefined();
  });

  it('two workers drain the queue, and stop with exit code 0 on SIGTERM', async () => {
    workers.push(startApp('worker', env), startApp('worker', env));
    const queue = createRequestQueue(redis);
    const total = 2 * games.length + 1;
    await waitFor(
      'every job to complete',
      async () => {
        const counts = await queue.getJobCounts('completed', 'failed');
        if ((counts.failed ?? 0) > 0)
          throw new Error(`failed jobs: ${JSON.stringify(counts)}\n${workers[0]?.output()}`);
        return counts.completed === total ? true : undefined;
      },
      90_000,
    );
    await queue.close();
    const codes = await Promise.all(workers.map((w) => w.stop('SIGTERM')));
    expect(codes).toEqual([0, 0]);
    const lines = workers.flatMap((w) => w.output().split('\n')).filter((l) => l.includes('"job done"'));
    expect(lines).toHaveLength(total);
    // NBA_API_INSECURE_TLS (the simulator's certificate) is said once per worker, as it starts.
    for (const worker of workers) {
      const warnings = worker
        .output()
        .split('\n')
        .filter((l) => l.includes('NBA_API_INSECURE_TLS is on'));
      expect(warnings).toHaveLength(1);
    }
  });

  it('stores every object of DESIGN §4 and nothing else', async () => {
    const prefix = 'historical-backfill';
    const today = new Date().toISOString().slice(0, 10);
    const expected = [
      'backfill-state/season=2024-25/checkpoint.json',
      `backfill-state/season=2024-25/daily-progress/date=${today}/progress.json`,
      `${prefix}/games/season=2024-25/month=10/games.parquet`,
      `${prefix}/games/season=2024-25/month=11/games.parquet`,
      `${prefix}/players/season=2024-25/players.parquet`,
      `${prefix}/_raw/players/season=2024-25/players.json.gz`,
      `${prefix}/_raw/schedule/season=2024-25/regular-season.json.gz`,
    ];
    for (const g of games) {
      const month = g.gameDate.slice(5, 7);
      expected.push(
        `${prefix}/box-scores/season=2024-25/month=${month}/${g.gameId}.parquet`,
        `${prefix}/box-scores-teams/season=2024-25/month=${month}/${g.gameId}.parquet`,
        `${prefix}/play-by-play/season=2024-25/month=${month}/${g.gameId}.parquet`,
        `${prefix}/_raw/box-score/season=2024-25/${g.gameId}.json.gz`,
        `${prefix}/_raw/play-by-play/season=2024-25/${g.gameId}.json.gz`,
      );
    }
    expect(await reader.keys()).toEqual(expected.sort());
  });

  it('each Parquet file has exactly the rows the simulator served, readable by DuckDB', async () => {
    const prefix = 'historical-backfill';
    for (const g of games) {
      const month = g.gameDate.slice(5, 7);
      const box = `${prefix}/box-scores/season=2024-25/month=${month}/${g.gameId}.parquet`;
      expect(await reader.rowCount(box)).toBe(g.boxScorePlayers.home + g.boxScorePlayers.away);
      expect(
        await reader.rowCount(`${prefix}/box-scores-teams/season=2024-25/month=${month}/${g.gameId}.parquet`),
      ).toBe(6);
      const pbp = `${prefix}/play-by-play/season=2024-25/month=${month}/${g.gameId}.parquet`;
      expect(await reader.rowCount(pbp)).toBe(g.playByPlayActions);
      const [totals] = await reader.query(
        box,
        `SELECT sum(points) FILTER (WHERE team_id = ${g.homeTeamId}) AS home, sum(points) FILTER (WHERE team_id = ${g.awayTeamId}) AS away, min(game_date)::VARCHAR AS d, min(season) AS s FROM {file}`,
      );
      expect(totals).toEqual({
        home: String(g.homePoints),
        away: String(g.awayPoints),
        d: g.gameDate,
        s: '2024-25',
      });
      const [last] = await reader.query(
        pbp,
        'SELECT max(action_id) AS n, count(DISTINCT action_id) AS d FROM {file}',
      );
      expect(last).toEqual({ n: g.playByPlayActions, d: String(g.playByPlayActions) });
      const head = await reader.store.head(pbp);
      expect(head?.metadata).toMatchObject({
        'quality-score': '1',
        rows: String(g.playByPlayActions),
        dataset: 'play-by-play',
        'source-endpoint': 'playbyplayv3',
      });
    }
    const october = games.filter((g) => g.gameDate.startsWith('2024-10')).length;
    expect(await reader.rowCount(`${prefix}/games/season=2024-25/month=10/games.parquet`)).toBe(2 * october);
    expect(await reader.rowCount(`${prefix}/games/season=2024-25/month=11/games.parquet`)).toBe(
      2 * (games.length - october),
    );
    expect(await reader.rowCount(`${prefix}/players/season=2024-25/players.parquet`)).toBe(rosterSize);
  });

  it('checkpointed on drain and shutdown, with counts that match S3', async () => {
    const body = await reader.store.get('backfill-state/season=2024-25/checkpoint.json');
    const checkpoint = JSON.parse(body?.toString('utf8') ?? '{}') as {
      version: number;
      season: string;
      requests: Record<string, { planned: number; completed: number; failed: number; pending: number }>;
      completed: string[];
      failed: unknown[];
      totals: { requests: number; rows: number; bytes: number };
      apiLatencyMs: { p50: number; p95: number };
      meanQualityScore: number;
    };
    const n = games.length;
    expect(checkpoint.version).toBe(1);
    expect(checkpoint.season).toBe('2024-25');
    expect(checkpoint.requests).toEqual({
      players: { planned: 1, completed: 1, failed: 0, retrying: 0, pending: 0 },
      'box-score': { planned: n, completed: n, failed: 0, retrying: 0, pending: 0 },
      'play-by-play': { planned: n, completed: n, failed: 0, retrying: 0, pending: 0 },
    });
    // Every completed id has its files on S3, and every file belongs to a completed id.
    const keys = await reader.keys('historical-backfill/');
    const fromS3 = new Set<string>();
    for (const key of keys) {
      const match =
        /^historical-backfill\/(box-scores|play-by-play)\/season=2024-25\/month=\d{2}\/(\d{10})\.parquet$/.exec(
          key,
        );
      if (match)
        fromS3.add(`2024-25.${match[1] === 'box-scores' ? 'box-score' : 'play-by-play'}.${match[2]}`);
    }
    if (keys.includes('historical-backfill/players/season=2024-25/players.parquet'))
      fromS3.add('2024-25.players');
    expect(checkpoint.completed).toEqual([...fromS3].sort());
    expect(checkpoint.failed).toEqual([]);
    expect(checkpoint.meanQualityScore).toBe(1);
    // The planner's schedule request counts too.
    expect(checkpoint.totals.requests).toBe(2 * n + 2);
    expect(checkpoint.apiLatencyMs.p50).toBeGreaterThanOrEqual(0);
    expect(checkpoint.apiLatencyMs.p95).toBeGreaterThanOrEqual(checkpoint.apiLatencyMs.p50);
  });

  it('never sent two NBA requests closer than the interval (planner and both workers)', () => {
    const entries = sim.requestLog.entries().filter((e) => e.endpoint !== null);
    // The schedule request, players, and two per game.
    expect(entries).toHaveLength(1 + 1 + 2 * games.length);
    expect(entries[0]?.endpoint).toBe('leaguegamelog');
    // The promise is made at the client (DESIGN §5): every request's send stamp, from every
    // process, a full interval after the one before; and every request the simulator saw is there.
    const sends = readSends(sendLog);
    expect(sends).toHaveLength(entries.length);
    expect(new Set(sends.map((s) => s.pid)).size).toBe(3);
    expect(minSendGapMs(sends)).toBeGreaterThanOrEqual(INTERVAL_SECONDS * 1000);
    // Every request passed the edge as Chrome 151 (TLS 1.3, h2, Chrome's cipher list), with
    // Chrome's own headers for www.nba.com's script calling the API.
    for (const e of entries) {
      expect(e.httpVersion).toBe('2');
      expect(e.ja4).toMatch(/^t13i\d{4}h2_8daaf6152771_/);
      expect(e.headers['user-agent']).toContain('Chrome/151.0.0.0');
      expect(e.headers['sec-ch-ua']).toContain('"Google Chrome";v="151"');
      expect(e.headers).toMatchObject({ referer: 'https://www.nba.com/', origin: 'https://www.nba.com' });
      expect(e.headers['sec-fetch-mode']).toBe('cors');
      expect(e.headers['sec-fetch-user']).toBeUndefined();
    }
  });

  it('a second enqueue season sends no NBA request and enqueues nothing', async () => {
    sim.requestLog.clear();
    const result = await runApp('planner', ['enqueue', 'season'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(0 NBA request(s) this run)');
    expect(result.stdout).toContain('Enqueued 0 new job(s) (nothing to do)');
    expect(sim.requestLog.entries()).toHaveLength(0);
    // No request, no warning about the certificate.
    expect(result.stderr).not.toContain('NBA_API_INSECURE_TLS');
  });

  it('planner status, which calls no API, does not warn about NBA_API_INSECURE_TLS', async () => {
    const result = await runApp('planner', ['status'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});
