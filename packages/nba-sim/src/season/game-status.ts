import { type GameCut, type SimulatedGame, simulateGame } from './game-simulation.js';
import type { ScheduledGame } from './game-types.js';
import { playGame, type Season } from './season.js';
import { hashSeed } from './seeded-random.js';

/**
 * How a game stands on the simulator's `today`: `scheduled` after it (not played yet), `live` on it
 * (in progress), `final` before it. Without a `today` every game is final.
 */
export type GameStatus = 'scheduled' | 'live' | 'final';
export type PlayedStatus = Exclude<GameStatus, 'scheduled'>;

export function gameStatus(gameDate: string, today: string | undefined): GameStatus {
  if (today === undefined || gameDate < today) return 'final';
  return gameDate === today ? 'live' : 'scheduled';
}

/** The games that have started by `today` (final or live), in the order given. */
export function playedGames(games: readonly ScheduledGame[], today: string | undefined): ScheduledGame[] {
  return games.filter((g) => gameStatus(g.gameDate, today) !== 'scheduled');
}

/** First and last clock a game in progress can stop at, in the 3rd period: 9:00 and 3:00 left. */
export const LIVE_PERIOD = 3;
export const LIVE_SECONDS_LEFT = { max: 540, min: 180 } as const;

/**
 * Where a game being played today stands: in the 3rd period, after the first possession that ends
 * with at most 3:00-9:00 left (a fixed point per (seed, game id), so every request and every restart
 * sees the same moment). Mid-period on purpose: its last action is never the end of a period.
 */
export function liveCutOf(seed: number, gameId: string): GameCut {
  const span = LIVE_SECONDS_LEFT.max - LIVE_SECONDS_LEFT.min + 1;
  return {
    period: LIVE_PERIOD,
    secondsLeft: LIVE_SECONDS_LEFT.min + (hashSeed(`${seed}:live:${gameId}`) % span),
  };
}

/** The game so far, when it is being played today: the whole game's start, up to `liveCutOf`. */
export function playGameLive(season: Season, game: ScheduledGame): SimulatedGame {
  return simulateGame(game, season, liveCutOf(season.seed, game.gameId));
}

/** The game as a client sees it on `today`: undefined before it starts, part of it on its day. */
export function playGameAsOf(
  season: Season,
  game: ScheduledGame,
  today: string | undefined,
): SimulatedGame | undefined {
  const status = gameStatus(game.gameDate, today);
  if (status === 'scheduled') return undefined;
  return status === 'live' ? playGameLive(season, game) : playGame(season, game);
}
