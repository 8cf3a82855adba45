import { describe, expect, it } from 'vitest';
import type { SimulatedGame } from './game-simulation.js';
import {
  gameStatus,
  LIVE_SECONDS_LEFT,
  liveCutOf,
  playedGames,
  playGameAsOf,
  playGameLive,
} from './game-status.js';
import { buildSeason, playGame } from './season.js';
import { sumStatLines } from './stat-line.js';

const season = buildSeason({ seed: 5 });
const sample = season.games.filter((_, i) => i % 60 === 0);
const pairs = sample.map((game) => ({ whole: playGame(season, game), live: playGameLive(season, game) }));

const secondsLeft = (clock: string) => Number(clock.slice(2, 4)) * 60 + Number(clock.slice(5, 7));

/** The score the play-by-play shows at its last action: the last row that carries one. */
function pbpScore(sim: SimulatedGame): { home: number; away: number } {
  const last = [...sim.actions].reverse().find((a) => a.scoreHome !== '');
  return { home: Number(last?.scoreHome), away: Number(last?.scoreAway) };
}

describe('gameStatus', () => {
  it('is final before today, live on it, scheduled after it, final without a today', () => {
    expect(gameStatus('2024-11-01', '2024-11-02')).toBe('final');
    expect(gameStatus('2024-11-02', '2024-11-02')).toBe('live');
    expect(gameStatus('2024-11-03', '2024-11-02')).toBe('scheduled');
    expect(gameStatus('2099-01-01', undefined)).toBe('final');
  });

  it('keeps the games that have started, in order', () => {
    const ids = playedGames(season.games, '2024-10-23').map((g) => g.gameId);
    expect(ids).toHaveLength(14);
    expect(ids.slice(0, 2)).toEqual(['0022400061', '0022400062']);
    expect(playedGames(season.games, '2024-10-21')).toEqual([]);
    expect(playedGames(season.games, '2025-07-01')).toHaveLength(season.games.length);
  });
});

describe('liveCutOf', () => {
  it('is in the 3rd period with 3:00-9:00 left, fixed per (seed, game id)', () => {
    const cuts = season.games.slice(0, 200).map((g) => liveCutOf(5, g.gameId));
    for (const cut of cuts) {
      expect(cut.period).toBe(3);
      expect(cut.secondsLeft).toBeGreaterThanOrEqual(LIVE_SECONDS_LEFT.min);
      expect(cut.secondsLeft).toBeLessThanOrEqual(LIVE_SECONDS_LEFT.max);
    }
    expect(new Set(cuts.map((c) => c.secondsLeft)).size).toBeGreaterThan(100);
    expect(liveCutOf(5, '0022400061')).toEqual(liveCutOf(5, '0022400061'));
  });
});

describe('playGameLive', () => {
  it('stops in the 3rd period, mid-period, at its cut', () => {
    for (const { whole, live } of pairs) {
      const cut = liveCutOf(5, whole.game.gameId);
      const last = live.actions.at(-1);
      expect(live.periods).toBe(3);
      expect(last?.period).toBe(3);
      expect(last?.actionType === 'period' && last.subType === 'end').toBe(false);
      expect(secondsLeft(last?.clock ?? '')).toBeLessThanOrEqual(cut.secondsLeft);
      expect(secondsLeft(last?.clock ?? '')).toBeGreaterThan(cut.secondsLeft - 40);
    }
  });

  it('is the first part of the whole game: same actions up to the cut', () => {
    for (const { whole, live } of pairs) {
      expect(live.actions.length).toBeLessThan(whole.actions.length);
      expect(JSON.stringify(live.actions)).toBe(JSON.stringify(whole.actions.slice(0, live.actions.length)));
      expect(live.home.rows.map((r) => r.player.personId).sort()).toEqual(
        whole.home.rows.map((r) => r.player.personId).sort(),
      );
    }
  });

  it('has team points equal to the play-by-play score at the cut and to the players lines', () => {
    for (const { live } of pairs) {
      expect(pbpScore(live)).toEqual({ home: live.home.points, away: live.away.points });
      for (const [team, other] of [
        [live.home, live.away],
        [live.away, live.home],
      ] as const) {
        const total = sumStatLines([...team.lines.values()]);
        expect(total.pts).toBe(team.points);
        expect(total.plusMinus).toBe(5 * (team.points - other.points));
        // Five on court for every second played: two full periods and part of the third.
        expect(total.seconds % 5).toBe(0);
        expect(total.seconds / 5).toBeGreaterThan(2 * 720 + 720 - LIVE_SECONDS_LEFT.max - 1);
        expect(total.seconds / 5).toBeLessThan(3 * 720 - LIVE_SECONDS_LEFT.min + 40);
      }
    }
  });

  it('is deterministic', () => {
    const game = sample[3];
    if (!game) throw new Error('expected a game');
    expect(JSON.stringify(playGameLive(buildSeason({ seed: 5 }), game))).toBe(
      JSON.stringify(playGameLive(season, game)),
    );
  });
});

describe('playGameAsOf', () => {
  it('gives nothing before the game day, the cut game on it, the whole game after', () => {
    const game = sample[2];
    if (!game) throw new Error('expected a game');
    expect(playGameAsOf(season, game, '2024-10-01')).toBeUndefined();
    expect(playGameAsOf(season, game, game.gameDate)?.periods).toBe(3);
    expect(JSON.stringify(playGameAsOf(season, game, '2025-12-31'))).toBe(
      JSON.stringify(playGame(season, game)),
    );
    expect(JSON.stringify(playGameAsOf(season, game, undefined))).toBe(
      JSON.stringify(playGame(season, game)),
    );
  });
});
