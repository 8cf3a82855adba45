import { describe, expect, it } from 'vitest';
import { buildSeason, playGame, seasonStreamKey, selectGames, shiftSlice, sliceOf } from './season.js';
import { TEAMS } from './teams.js';

const season = buildSeason({ seed: 1 });
const regular = season.games.filter((g) => g.seasonType === 'Regular Season');
const playIn = season.games.filter((g) => g.seasonType === 'PlayIn');
const playoffs = season.games.filter((g) => g.seasonType === 'Playoffs');

describe('regular season', () => {
  it('has 1230 games with unique ids 0022400001..0022401230', () => {
    expect(regular).toHaveLength(1230);
    const ids = regular.map((g) => g.gameId).sort();
    expect(new Set(ids).size).toBe(1230);
    expect(ids[0]).toBe('0022400001');
    expect(ids.at(-1)).toBe('0022401230');
  });

  it('gives every team 82 games, 41 at home, never two on one day', () => {
    for (const team of TEAMS) {
      const games = regular.filter((g) => g.homeTeamId === team.teamId || g.awayTeamId === team.teamId);
      expect(games).toHaveLength(82);
      expect(games.filter((g) => g.homeTeamId === team.teamId)).toHaveLength(41);
      expect(new Set(games.map((g) => g.gameDate)).size).toBe(82);
    }
  });

  it('runs from 2024-10-22 to 2025-04-13 with no games on Dec 17-18', () => {
    const dates = regular.map((g) => g.gameDate).sort();
    expect(dates[0]).toBe('2024-10-22');
    expect(dates.at(-1)).toBe('2025-04-13');
    expect(dates.filter((d) => d === '2024-12-17' || d === '2024-12-18')).toEqual([]);
    const perDay = new Map<string, number>();
    for (const d of dates) perDay.set(d, (perDay.get(d) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(15);
  });

  it('opens with 0022400061 NYK @ BOS and 0022400062 MIN @ LAL', () => {
    const [first, second] = regular;
    expect(first).toMatchObject({
      gameId: '0022400061',
      gameDate: '2024-10-22',
      homeTeamId: 1610612738,
      awayTeamId: 1610612752,
    });
    expect(second).toMatchObject({
      gameId: '0022400062',
      gameDate: '2024-10-22',
      homeTeamId: 1610612747,
      awayTeamId: 1610612750,
    });
  });

  it('numbers Cup group games 1-60 in November, so ids are not in date order', () => {
    const cup = regular.filter((g) => g.gameId <= '0022400060');
    expect(cup).toHaveLength(60);
    for (const g of cup) expect(g.gameDate >= '2024-11-12' && g.gameDate <= '2024-12-03').toBe(true);
    const byId = [...regular].sort((a, b) => a.gameId.localeCompare(b.gameId));
    expect(byId.map((g) => g.gameDate)).not.toEqual([...byId.map((g) => g.gameDate)].sort());
  });
});

describe('postseason', () => {
  it('has six play-in games with the real ids, Apr 15-18', () => {
    expect(playIn.map((g) => g.gameId).sort()).toEqual([
      '0052400101',
      '0052400111',
      '0052400121',
      '0052400131',
      '0052400201',
      '0052400211',
    ]);
    for (const g of playIn) expect(g.gameDate >= '2025-04-15' && g.gameDate <= '2025-04-18').toBe(true);
  });

  it('plays 15 best-of-seven series from Apr 19 to Jun 22', () => {
    expect(playoffs.length).toBeGreaterThanOrEqual(60);
    expect(playoffs.length).toBeLessThanOrEqual(105);
    const series = new Map<string, number>();
    for (const g of playoffs) {
      expect(g.gameId).toMatch(/^0042400[1-4][0-7][1-7]$/);
      series.set(g.gameId.slice(7, 9), (series.get(g.gameId.slice(7, 9)) ?? 0) + 1);
      expect(g.gameDate >= '2025-04-19' && g.gameDate <= '2025-06-22').toBe(true);
    }
    expect(series.size).toBe(15);
    for (const games of series.values()) expect(games).toBeGreaterThanOrEqual(4);
    expect(
      [1, 2, 3, 4].map((round) => [...series.keys()].filter((k) => k.startsWith(String(round))).length),
    ).toEqual([8, 4, 2, 1]);
  });

  it('makes each series winner win exactly four games', () => {
    const wins = new Map<string, Map<number, number>>();
    for (const g of playoffs) {
      const sim = season.presimulated.get(g.gameId);
      if (!sim) throw new Error(`no simulation for ${g.gameId}`);
      const winner = sim.home.points > sim.away.points ? g.homeTeamId : g.awayTeamId;
      const key = g.gameId.slice(7, 9);
      const perTeam = wins.get(key) ?? new Map<number, number>();
      perTeam.set(winner, (perTeam.get(winner) ?? 0) + 1);
      wins.set(key, perTeam);
    }
    for (const perTeam of wins.values()) expect(Math.max(...perTeam.values())).toBe(4);
  });
});

describe('buildSeason', () => {
  it('is deterministic in the seed', () => {
    expect(buildSeason({ seed: 1 }).games).toEqual(season.games);
    expect(buildSeason({ seed: 2 }).games).not.toEqual(season.games);
  });

  it('shifts another season by whole years and ids by its start year', () => {
    const next = buildSeason({ seed: 1, season: '2025-26' });
    expect(next.games[0]).toMatchObject({ gameId: '0022500061', gameDate: '2025-10-22' });
    expect(next.games.at(-1)?.gameDate.slice(0, 4)).toBe('2026');
  });

  it('rejects a malformed season', () => {
    expect(() => buildSeason({ season: '2024-26' })).toThrow(/YYYY-YY/);
  });
});

describe('selectGames', () => {
  it('gives at least 20 games over Oct 31 - Nov 1, in both months', () => {
    const games = selectGames(season, { dateFrom: '2024-10-31', dateTo: '2024-11-01' });
    expect(games.length).toBeGreaterThanOrEqual(20);
    expect(new Set(games.map((g) => g.gameDate.slice(5, 7)))).toEqual(new Set(['10', '11']));
  });

  it('applies season types and maxGames after the dates', () => {
    expect(selectGames(season, { seasonTypes: ['PlayIn'] })).toHaveLength(6);
    const first = selectGames(season, { maxGames: 3 });
    expect(first.map((g) => g.gameId)).toEqual(['0022400061', '0022400062', season.games[2]?.gameId]);
  });
});

describe('several seasons of one seed', () => {
  const earlier = buildSeason({ seed: 1, season: '2023-24' });
  const matchups = (s: typeof season) =>
    s.games.filter((g) => g.seasonType === 'Regular Season').map((g) => `${g.awayTeamId}@${g.homeTeamId}`);

  it('keeps the bare seed as 2024-25 stream key and mixes the season in for the others', () => {
    expect(seasonStreamKey(1, '2024-25')).toBe('1');
    expect(seasonStreamKey(1, '2023-24')).toBe('1:2023-24');
    expect(season.streamKey).toBe('1');
    expect(earlier.streamKey).toBe('1:2023-24');
  });

  it('gives each season its own ids, dates, schedule, strengths and games', () => {
    expect(earlier.games[0]).toMatchObject({ gameId: '0022300061', gameDate: '2023-10-22' });
    expect(earlier.games.filter((g) => g.seasonType === 'Regular Season')).toHaveLength(1230);
    expect(matchups(earlier).slice(2, 40)).not.toEqual(matchups(season).slice(2, 40));
    expect([...earlier.strengths.values()]).not.toEqual([...season.strengths.values()]);
    const first = (s: typeof season) => {
      const game = s.games[5];
      if (!game) throw new Error('expected games');
      const sim = playGame(s, game);
      return [sim.home.points, sim.away.points, sim.actions.length];
    };
    expect(first(earlier)).not.toEqual(first(season));
  });

  it('keeps the same players (ids, names, teams) in every season', () => {
    const ids = (s: typeof season) =>
      [...s.rosters.byTeam.values()].flat().map((p) => `${p.personId} ${p.familyName}`);
    expect(ids(earlier)).toEqual(ids(season));
  });
});

describe('slices', () => {
  it('keeps only the slice keys of an options object', () => {
    expect(sliceOf({ dateFrom: '2024-10-31', maxGames: 3 })).toEqual({ dateFrom: '2024-10-31', maxGames: 3 });
    const options = { seed: 3, latencyMs: 5, dateTo: '2024-11-01', seasonTypes: ['PlayIn' as const] };
    expect(sliceOf(options)).toEqual({ dateTo: '2024-11-01', seasonTypes: ['PlayIn'] });
  });

  it('shifts slice dates by whole years into another season', () => {
    expect(shiftSlice({ dateFrom: '2024-10-22', dateTo: '2025-01-05', maxGames: 4 }, -1)).toEqual({
      dateFrom: '2023-10-22',
      dateTo: '2024-01-05',
      maxGames: 4,
    });
    expect(shiftSlice({ seasonTypes: ['Playoffs'] }, 2)).toEqual({ seasonTypes: ['Playoffs'] });
  });
});
