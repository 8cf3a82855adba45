import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLogEntry, SeasonSummary } from '../src/index.js';
import {
  NBA_API_HEADERS,
  NBA_API_QUERIES as Q,
  rawGet,
  type StartedSim,
  startSim,
} from './support/start-sim.js';

const SLICE = { seed: 3, dateFrom: '2024-10-31', dateTo: '2024-11-01' };

describe('simulator over HTTP', () => {
  let started: StartedSim;
  let twin: StartedSim;

  beforeAll(async () => {
    started = await startSim(SLICE);
    twin = await startSim(SLICE);
  });
  afterAll(async () => {
    await started.sim.close();
    await twin.sim.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    rawGet(`${started.url}${path}`, headers);

  it('serves compact UTF-8 JSON with the real headers, gzip only when asked', async () => {
    const plain = await get(`/stats/boxscoretraditionalv3?${Q.boxScore('0022400061')}`, {
      Connection: 'keep-alive',
    });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['x-status']).toBe('hit');
    expect(String(plain.headers['set-cookie'])).toMatch(/^bm_sv=/);
    expect(plain.headers.connection).toBe('keep-alive');
    const zipped = await get(`/stats/boxscoretraditionalv3?${Q.boxScore('0022400061')}`, {
      'Accept-Encoding': 'gzip, deflate, br',
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(plain.body.toString('utf8')).not.toMatch(/\\u[0-9a-f]{4}|\n| {2}/);
  });

  it('gives byte-identical bodies for the same seed on another server', async () => {
    for (const path of [
      `/stats/playbyplayv3?${Q.playByPlay('0022400100')}`,
      `/stats/boxscoretraditionalv3?${Q.boxScore('0022400100')}`,
      `/stats/leaguegamelog?${Q.leagueGameLog('2024-25', 'Regular Season')}`,
      `/stats/commonallplayers?${Q.commonAllPlayers('2024-25', 1)}`,
    ]) {
      const [a, b] = await Promise.all([get(path), rawGet(`${twin.url}${path}`)]);
      expect(a.body.equals(b.body)).toBe(true);
    }
  });

  it('lists only the slice in leaguegamelog, across two months', async () => {
    const res = await get(`/stats/leaguegamelog?${Q.leagueGameLog('2024-25', 'Regular Season')}`);
    const body = JSON.parse(res.body.toString('utf8')) as { resultSets: { rowSet: unknown[][] }[] };
    const rows = body.resultSets[0]?.rowSet ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => String(r[5]).slice(0, 7)))).toEqual(new Set(['2024-10', '2024-11']));
  });

  it('answers 400 plain text for a bad GameID and 404 for an unknown endpoint', async () => {
    const bad = await get('/stats/boxscoretraditionalv3?GameID=abc');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(bad.body.toString('utf8')).toBe("The field GameID must match the regular expression '^\\d{10}$'.");
    expect((await get('/stats/nosuchendpoint')).status).toBe(404);
    expect((await get('/other')).status).toBe(404);
  });

  it('answers a well-formed unknown game with 200 and no data', async () => {
    const pbp = JSON.parse(
      (await get(`/stats/playbyplayv3?${Q.playByPlay('0022409999')}`)).body.toString('utf8'),
    ) as {
      game: { actions: unknown[] };
    };
    expect(pbp.game.actions).toEqual([]);
  });

  it('reports the served schedule with per-game counts that match the bodies', async () => {
    const res = await fetch(`${started.url}/__sim/season`);
    const summary = (await res.json()) as SeasonSummary;
    expect(summary.games).toHaveLength(started.sim.listedGames.length);
    expect(summary.games.length).toBeGreaterThanOrEqual(20);
    expect(summary).toEqual(JSON.parse(JSON.stringify(started.sim.summary())));
    const game = summary.games[0];
    if (!game) throw new Error('expected games');
    const pbp = JSON.parse(
      (await get(`/stats/playbyplayv3?${Q.playByPlay(game.gameId)}`)).body.toString('utf8'),
    ) as {
      game: { actions: { scoreHome: string; scoreAway: string }[] };
    };
    expect(pbp.game.actions).toHaveLength(game.playByPlayActions);
    expect(pbp.game.actions.at(-1)).toMatchObject({
      scoreHome: String(game.homePoints),
      scoreAway: String(game.awayPoints),
    });
    const box = JSON.parse(
      (await get(`/stats/boxscoretraditionalv3?${Q.boxScore(game.gameId)}`)).body.toString('utf8'),
    ) as {
      boxScoreTraditional: { homeTeam: { players: unknown[] }; awayTeam: { players: unknown[] } };
    };
    expect(box.boxScoreTraditional.homeTeam.players).toHaveLength(game.boxScorePlayers.home);
    expect(box.boxScoreTraditional.awayTeam.players).toHaveLength(game.boxScorePlayers.away);
  });

  it('logs each /stats request with time, query, headers, status; clears over HTTP', async () => {
    await fetch(`${started.url}/__sim/requests`, { method: 'DELETE' });
    const before = performance.timeOrigin + performance.now();
    await rawGet(`${started.statsUrl}/playbyplayv3?${Q.playByPlay('0022400061')}`, NBA_API_HEADERS);
    await get('/stats/boxscoretraditionalv3?GameID=bad');
    const entries = (await (await fetch(`${started.url}/__sim/requests`)).json()) as RequestLogEntry[];
    expect(entries).toHaveLength(2);
    const [first, second] = entries;
    expect(first).toMatchObject({
      method: 'GET',
      path: '/stats/playbyplayv3',
      endpoint: 'playbyplayv3',
      query: { EndPeriod: '0', GameID: '0022400061', StartPeriod: '0' },
      status: 200,
      fault: null,
    });
    expect(first?.headers['user-agent']).toBe(NBA_API_HEADERS['User-Agent']);
    expect(first?.headers.referer).toBe('https://www.nba.com/');
    expect(first?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(first?.time).toBeGreaterThanOrEqual(before - 1);
    expect(second?.time).toBeGreaterThanOrEqual(first?.time ?? 0);
    expect(second?.status).toBe(400);
    expect(started.sim.requestLog.entries()).toHaveLength(2);
    started.sim.requestLog.clear();
    expect(await (await fetch(`${started.url}/__sim/requests`)).json()).toEqual([]);
  });

  it('keeps the connection alive across requests', async () => {
    const agentless = await Promise.all(
      [1, 2, 3].map(() => fetch(`${started.statsUrl}/playbyplayv2?GameID=0022400061`)),
    );
    for (const res of agentless) expect(await res.text()).toBe('{}');
  });
});
