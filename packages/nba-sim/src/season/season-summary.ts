import type { SimulatedGame, TeamGame } from './game-simulation.js';
import { gameStatus, type PlayedStatus, playedGames, playGameAsOf } from './game-status.js';
import type { ScheduledGame, SeasonType } from './game-types.js';
import type { Season, SeasonSlice } from './season.js';
import { selectGames } from './season.js';
import { type StatLine, sumStatLines } from './stat-line.js';

/** What was served for one game, so tests can compare it with what a client stored. */
export interface GameSummary {
  readonly gameId: string;
  readonly gameDate: string;
  readonly seasonType: SeasonType;
  /** `live` for a game being played on `today` (its numbers are as of now), else `final`. */
  readonly status: PlayedStatus;
  readonly homeTeamId: number;
  readonly awayTeamId: number;
  readonly homePoints: number;
  readonly awayPoints: number;
  /** Periods played so far (a live game: the period it stopped in). */
  readonly periods: number;
  /** Player rows of the box score (DNP rows included) per team. */
  readonly boxScorePlayers: { readonly home: number; readonly away: number };
  readonly playByPlayActions: number;
}

export interface SeasonSummary {
  readonly seed: number;
  readonly season: string;
  /** The simulator's `today` (`YYYY-MM-DD`), or null when every game is final. */
  readonly today: string | null;
  readonly slice: SeasonSlice;
  readonly gamesBySeasonType: Record<SeasonType, number>;
  readonly games: readonly GameSummary[];
}

export function teamTotals(team: TeamGame): StatLine {
  return sumStatLines([...team.lines.values()]);
}

export function summarizeGame(sim: SimulatedGame, status: PlayedStatus = 'final'): GameSummary {
  const { game } = sim;
  return {
    gameId: game.gameId,
    gameDate: game.gameDate,
    seasonType: game.seasonType,
    status,
    homeTeamId: game.homeTeamId,
    awayTeamId: game.awayTeamId,
    homePoints: sim.home.points,
    awayPoints: sim.away.points,
    periods: sim.periods,
    boxScorePlayers: { home: sim.home.rows.length, away: sim.away.rows.length },
    playByPlayActions: sim.actions.length,
  };
}

export interface SummaryOptions {
  /** Games after it are left out, games on it are summarized as they stand. @defaultValue all final */
  readonly today?: string;
  /** How one game is summarized (the server passes its memoized one). @defaultValue plays it */
  readonly summarize?: (game: ScheduledGame, status: PlayedStatus) => GameSummary;
}

/**
 * The served schedule with per-game counts: the slice's games that have started by `today`. Pure,
 * and plays every selected game (~2 ms each), so the full season takes a few seconds.
 */
export function summarizeSeason(
  season: Season,
  slice: SeasonSlice = {},
  options: SummaryOptions = {},
): SeasonSummary {
  const { today } = options;
  const summarize =
    options.summarize ??
    ((game: ScheduledGame, status: PlayedStatus): GameSummary => {
      const sim = playGameAsOf(season, game, today);
      if (!sim) throw new Error(`summarizeSeason: game ${game.gameId} has not started by ${today}`);
      return summarizeGame(sim, status);
    });
  const games = playedGames(selectGames(season, slice), today).map((g) => {
    const status = gameStatus(g.gameDate, today);
    return summarize(g, status === 'live' ? 'live' : 'final');
  });
  const gamesBySeasonType: Record<SeasonType, number> = { 'Regular Season': 0, PlayIn: 0, Playoffs: 0 };
  for (const g of games) gamesBySeasonType[g.seasonType]++;
  return { seed: season.seed, season: season.season, today: today ?? null, slice, gamesBySeasonType, games };
}
