import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameSummary, SeasonSummary } from '../src/index.js';
import { NBA_API_QUERIES as Q, rawGet, type StartedSim, startSim } from './support/start-sim.js';

type Row = (string | number | null)[];
interface GameLog {
  resultSets: { headers: string[]; rowSet: Row[] }[];
}
interface TeamBox {
  teamId: number;
  players: { personId: number; statistics: { assists: number; points: number } }[];
  statistics: { assists: number; points: number };
}
interface Box {
  boxScoreTraditional: { homeTeamId: number; homeTeam: TeamBox; awayTeam: TeamBox };
}
interface Pbp {
  game: {
    videoAvailable: number;
    actions: { period: number; actionType: string; subType: string; scoreHome: string; scoreAway: string }[];
  };
}

// Oct 22-24 of both seasons (2 + 12 + N games a season); today: 2024-25 opening night is final,
// Oct 23 is in progress, Oct 24 unplayed. 2023-24 ended before, so it is complete.
const OPTIONS = { seed: 4, seasons: ['2024-25', '2023-24'], dateFrom: '2024-10-22', dateTo: '2024-10-24' };
const TODAY = '2024-10-23';
/** The first game of Oct 23, in progress: seed 4 has it at 85-54 in the 3rd after 292 actions. */
const LIVE = '0022400063';

describe('several seasons and a season in progress over HTTP', () => {
  let started: StartedSim;
  let final: StartedSim;

  beforeAll(async () => {
    started = await startSim({ ...OPTIONS, today: TODAY });
    final = await startSim(OPTIONS);
  });
  afterAll(async () => {
    await started.sim.close();
    await final.sim.close();
  });

  const text = async (sim: StartedSim, path: string) =>
    (await rawGet(`${sim.url}${path}`)).body.toString('utf8');
  const json = async <T>(path: string, sim = started) => JSON.parse(await text(sim, path)) as T;
  const post = (path: string, body: unknown) =>
    fetch(`${started.url}${path}`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  const rows = async (season: string, sim = started) =>
    (await json<GameLog>(`/stats/leaguegamelog?${Q.leagueGameLog(season, 'Regular Season')}`, sim))
      .resultSets[0]?.rowSet ?? [];
  const box = (gameId: string, sim = started) =>
    json<Box>(`/stats/boxscoretraditionalv3?${Q.boxScore(gameId)}`, sim).then((b) => b.boxScoreTraditional);
  const pbp = (gameId: string, sim = started) =>
    json<Pbp>(`/stats/playbyplayv3?${Q.playByPlay(gameId)}`, sim).then((b) => b.game);

  it('reports each served season as of today at /__sim/season', async () => {
    const first = await json<SeasonSummary>('/__sim/season');
    expect(first).toMatchObject({ seed: 4, season: '2024-25', today: TODAY });
    expect(first.gamesBySeasonType).toEqual({ 'Regular Season': 14, PlayIn: 0, Playoffs: 0 });
    expect(first.games.map((g) => g.status)).toEqual([...Array(2).fill('final'), ...Array(12).fill('live')]);
    expect(first.games.find((g) => g.gameId === LIVE)).toMatchObject<Partial<GameSummary>>({
      status: 'live',
      homePoints: 85,
      awayPoints: 54,
      periods: 3,
      playByPlayActions: 292,
    });
    const second = await json<SeasonSummary>('/__sim/season?season=2023-24');
    expect(second).toMatchObject({ season: '2023-24', today: TODAY, slice: { dateFrom: '2023-10-22' } });
    expect(second.games).toHaveLength(18);
    expect(second.games.every((g) => g.status === 'final' && g.gameId.startsWith('00223'))).toBe(true);
    expect(second).toEqual(JSON.parse(JSON.stringify(started.sim.summary('2023-24'))));
    const missing = await fetch(`${started.url}/__sim/season?season=2019-20`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'season 2019-20 is not served (2024-25, 2023-24)' });
  });

  it('lists final and live games with WL null for the live ones, every game of a past season', async () => {
    const current = await rows('2024-25');
    expect(current).toHaveLength(28);
    expect(current.filter((r) => r[7] === null)).toHaveLength(24);
    expect(current.filter((r) => r[5] === '2024-10-24')).toEqual([]);
    const past = await rows('2023-24');
    expect(past).toHaveLength(36);
    expect(past.filter((r) => r[7] === null)).toEqual([]);
    expect(past).toEqual(await rows('2023-24', final));
  });

  it('cuts a live game part way: box score, game log and play-by-play agree', async () => {
    const [game, actions, log] = await Promise.all([box(LIVE), pbp(LIVE), rows('2024-25')]);
    const last = actions.actions.at(-1);
    expect(last?.period).toBe(3);
    expect(last?.actionType === 'period' && last.subType === 'end').toBe(false);
    expect(actions.actions).toHaveLength(292);
    const scored = [...actions.actions].reverse().find((a) => a.scoreHome !== '');
    expect([scored?.scoreHome, scored?.scoreAway]).toEqual(['85', '54']);
    expect([game.homeTeam.statistics.points, game.awayTeam.statistics.points]).toEqual([85, 54]);
    const home = log.find((r) => r[4] === LIVE && r[1] === game.homeTeamId);
    expect([home?.[7], home?.[26], home?.[27]]).toEqual([null, 85, 31]);
    const whole = await pbp(LIVE, final);
    expect(whole.actions.slice(0, 292)).toEqual(actions.actions);
  });

  it('answers an unplayed game like an unknown one and a final game byte for byte as without today', async () => {
    const unplayed = started.sim.season.games.find((g) => g.gameDate === '2024-10-24')?.gameId ?? '';
    expect(await box(unplayed)).toMatchObject({ homeTeamId: 0, homeTeam: { players: [] } });
    expect(await pbp(unplayed)).toEqual({ gameId: unplayed, videoAvailable: 0, actions: [] });
    for (const gameId of ['0022400061', '0022300061', '0022300070'])
      for (const path of [
        `/stats/boxscoretraditionalv3?${Q.boxScore(gameId)}`,
        `/stats/playbyplayv3?${Q.playByPlay(gameId)}`,
      ])
        expect(await text(started, path)).toBe(await text(final, path));
  });

  it('moves the day with POST /__sim/today, dropping cached bodies', async () => {
    const livePath = `/stats/boxscoretraditionalv3?${Q.boxScore(LIVE)}`;
    const before = await text(started, livePath);
    const moved = await post('/__sim/today', { today: '2024-10-24' });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toEqual({ today: '2024-10-24' });
    expect(await (await fetch(`${started.url}/__sim/today`)).json()).toEqual({ today: '2024-10-24' });
    expect(started.sim.today).toBe('2024-10-24');
    const after = await text(started, livePath);
    expect(after).not.toBe(before);
    expect(after).toBe(await text(final, livePath));
    const current = await rows('2024-25');
    expect(current).toHaveLength(40);
    expect(current.filter((r) => r[7] === null).map((r) => r[5])).toEqual(Array(12).fill('2024-10-24'));
    expect((await json<SeasonSummary>('/__sim/season')).games).toHaveLength(20);

    expect(await (await post('/__sim/today', { today: null })).json()).toEqual({ today: null });
    expect(await rows('2024-25')).toEqual(await rows('2024-25', final));
    const bad = await post('/__sim/today', { today: '2024-13-01' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: 'today: expected a date YYYY-MM-DD or null, got "2024-13-01"',
    });
    expect((await post('/__sim/today', 'not json')).status).toBe(400);
    expect(started.sim.today).toBeUndefined();
    await post('/__sim/today', { today: TODAY });
    expect(await text(started, livePath)).toBe(before);
  });

  it('books a stat correction with POST /__sim/corrections: one more assist, no point moves', async () => {
    const gameId = '0022400061';
    const boxPath = `/stats/boxscoretraditionalv3?${Q.boxScore(gameId)}`;
    const pbpPath = `/stats/playbyplayv3?${Q.playByPlay(gameId)}`;
    const [original, originalPbp, originalLog] = [
      await box(gameId),
      await text(started, pbpPath),
      await rows('2024-25'),
    ];
    const booked = await post('/__sim/corrections', { gameId });
    expect(booked.status).toBe(200);
    expect(await booked.json()).toEqual({ [gameId]: 1 });
    const corrected = await box(gameId);
    const [was, now] = [original.homeTeam, corrected.homeTeam];
    expect(now.players[0]?.statistics.assists).toBe((was.players[0]?.statistics.assists ?? 0) + 1);
    expect(now.players.slice(1)).toEqual(was.players.slice(1));
    expect(now.statistics.assists).toBe(was.statistics.assists + 1);
    expect(now.statistics.points).toBe(was.statistics.points);
    expect(corrected.awayTeam).toEqual(original.awayTeam);
    expect(await text(started, pbpPath)).toBe(originalPbp);
    const homeRow = (log: Row[]) => log.find((r) => r[4] === gameId && r[1] === original.homeTeamId);
    const log = await rows('2024-25');
    expect(homeRow(log)?.[21]).toBe(Number(homeRow(originalLog)?.[21]) + 1);
    expect(homeRow(log)?.[26]).toBe(homeRow(originalLog)?.[26]);

    expect(await (await post('/__sim/corrections', { gameId })).json()).toEqual({ [gameId]: 2 });
    expect((await box(gameId)).homeTeam.statistics.assists).toBe(was.statistics.assists + 2);
    const cleared = await fetch(`${started.url}/__sim/corrections`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({});
    expect(await box(gameId)).toEqual(original);
    expect(await text(started, boxPath)).toBe(await text(final, boxPath));

    const unknown = await post('/__sim/corrections', { gameId: '0022409999' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({
      error: 'no game 0022409999 in the served seasons (2024-25, 2023-24)',
    });
    expect((await post('/__sim/corrections', { gameId: '61' })).status).toBe(400);
    expect(await (await fetch(`${started.url}/__sim/corrections`)).json()).toEqual({});
  });
});

describe('createSimServer corrections and seasons options', () => {
  it('starts with corrections booked and refuses a season that is not the first of seasons', async () => {
    const corrected = await startSim({ seed: 4, maxGames: 2, corrections: ['0022400061'] });
    const plain = await startSim({ seed: 4, maxGames: 2 });
    try {
      const assists = async (sim: StartedSim) =>
        (
          JSON.parse(
            (
              await rawGet(`${sim.url}/stats/boxscoretraditionalv3?${Q.boxScore('0022400061')}`)
            ).body.toString(),
          ) as Box
        ).boxScoreTraditional.homeTeam.statistics.assists;
      expect(await assists(corrected)).toBe((await assists(plain)) + 1);
      expect(await (await fetch(`${corrected.url}/__sim/corrections`)).json()).toEqual({ '0022400061': 1 });
    } finally {
      await corrected.sim.close();
      await plain.sim.close();
    }
    await expect(startSim({ season: '2024-25', seasons: ['2023-24', '2024-25'] })).rejects.toThrow(
      'season 2024-25 must be the first of seasons',
    );
  });
});
