import { describe, expect, it } from 'vitest';
import { sumStatLines } from './season/stat-line.js';
import { ServedSeasons } from './served-seasons.js';
import { SimState } from './sim-state.js';

const SLICE = { dateFrom: '2024-10-31', dateTo: '2024-11-01' };

function serve(today?: string, seasons = ['2024-25', '2023-24'], corrections: string[] = []) {
  const state = new SimState(today, corrections);
  return {
    state,
    served: new ServedSeasons({ seed: 2, seasons, slice: SLICE, serveUnlistedGames: true }, state),
  };
}

describe('ServedSeasons', () => {
  it('builds the first season at once and the others on first use', () => {
    const { served } = serve();
    expect(served.builtSeasons).toEqual(['2024-25']);
    expect(served.season('2023-24')?.season.season).toBe('2023-24');
    expect(served.builtSeasons).toEqual(['2024-25', '2023-24']);
    expect(served.season('2022-23')).toBeUndefined();
  });

  it('finds a game by the year digits of its id', () => {
    const { served } = serve();
    expect(served.seasonOfGame('0022300061')?.season.season).toBe('2023-24');
    expect(served.seasonOfGame('0042400101')?.season.season).toBe('2024-25');
    expect(served.seasonOfGame('0022200061')).toBeUndefined();
    expect(served.lookupGame('0022300061')?.game).toMatchObject({ gameDate: '2023-10-22' });
    expect(served.lookupGame('0022209999')).toBeUndefined();
  });

  it('shifts the slice, written in the first season, into every other season', () => {
    const { served } = serve();
    const dates = (name: string) =>
      new Set(
        served
          .season(name)
          ?.listedGames()
          .map((g) => g.gameDate),
      );
    expect(dates('2024-25')).toEqual(new Set(['2024-10-31', '2024-11-01']));
    expect(dates('2023-24')).toEqual(new Set(['2023-10-31', '2023-11-01']));
    expect(served.season('2023-24')?.slice).toEqual({ dateFrom: '2023-10-31', dateTo: '2023-11-01' });
    // Oct 31 and Nov 1 have 9 and 13 games in every season.
    expect(served.season('2023-24')?.listedGames()).toHaveLength(22);
  });

  it('refuses no season and two seasons sharing game-id digits', () => {
    expect(() => serve(undefined, [])).toThrow('at least one season');
    expect(() => serve(undefined, ['2024-25', '1924-25'])).toThrow('share game-id year digits');
  });
});

describe('a served season as of today', () => {
  const { state, served } = serve('2024-10-31');
  const season = served.firstSeason;
  const live = season.listedGames().filter((g) => g.gameDate === '2024-10-31');
  const later = season.season.games.find((g) => g.gameDate === '2024-11-01');

  it('lists games up to today, today as live, and answers nothing for later games', () => {
    expect(season.listedGames()).toHaveLength(9);
    expect(live.every((g) => season.isLive(g))).toBe(true);
    expect(later && served.lookupGame(later.gameId)).toBeUndefined();
    expect(served.season('2023-24')?.listedGames()).toHaveLength(22);
  });

  it('plays the live games part way, and summarizes them as such', () => {
    const game = live[0];
    if (!game) throw new Error('expected a live game');
    expect(served.lookupGame(game.gameId)?.sim.periods).toBe(3);
    const summary = season.summary();
    expect(summary.today).toBe('2024-10-31');
    expect(summary.games.map((g) => g.status)).toEqual(live.map(() => 'live'));
    expect(summary.games[0]).toMatchObject({ periods: 3, homePoints: season.totalsOf(game).home.pts });
  });

  it('moves on when today moves: a new summary, the game final', () => {
    const game = live[0];
    if (!game) throw new Error('expected a live game');
    const before = season.summary();
    state.setToday('2024-11-02');
    const after = season.summary();
    expect(after).not.toBe(before);
    expect(after.games).toHaveLength(22);
    expect(after.games.every((g) => g.status === 'final')).toBe(true);
    expect(served.lookupGame(game.gameId)?.sim.periods).toBeGreaterThanOrEqual(4);
    expect(season.isLive(game)).toBe(false);
  });
});

describe('stat corrections', () => {
  it('add an assist per correction to what play and totalsOf give, and no point', () => {
    const { state, served } = serve(undefined, ['2024-25'], ['0022400061']);
    const season = served.firstSeason;
    const game = season.season.gameById.get('0022400061');
    if (!game) throw new Error('expected opening night');
    const corrected = season.totalsOf(game);
    const starter = season.play(game).home.rows[0]?.player.personId ?? 0;
    const assistsOf = () => season.play(game).home.lines.get(starter)?.ast ?? 0;
    const once = assistsOf();
    state.addCorrection('0022400061');
    expect(assistsOf()).toBe(once + 1);
    expect(season.totalsOf(game).home.ast).toBe(corrected.home.ast + 1);
    state.clearCorrections();
    expect(assistsOf()).toBe(once - 1);
    const plain = season.totalsOf(game);
    expect(plain.home.ast).toBe(corrected.home.ast - 1);
    expect(plain.home.pts).toBe(corrected.home.pts);
    expect(sumStatLines([...season.play(game).home.lines.values()]).ast).toBe(plain.home.ast);
  });
});
