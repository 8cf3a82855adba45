import type { SimulatedGame, TeamGame } from './game-simulation.js';
import type { SeasonType } from './game-types.js';
import { playGame, type Season, type SeasonSlice, selectGames } from './season.js';
import { type StatLine, sumStatLines } from './stat-line.js';

/** What was served for one game, so tests can compare it with what a client stored. */
export interface GameSummary {
  readonly gameId: string;
  readonly gameDate: string;
  readonly seasonType: SeasonType;
  readonly homeTeamId: number;
  readonly awayTeamId: number;
  readonly homePoints: number;
  readonly awayPoints: number;
  readonly periods: number;
  /** Player rows of the box score (DNP rows included) per team. */
  readonly boxScorePlayers: { readonly home: number; readonly away: number };
  readonly playByPlayActions: number;
}

export interface SeasonSummary {
  readonly seed: number;
  readonly season: string;
  readonly slice: SeasonSlice;
  readonly gamesBySeasonType: Record<SeasonType, number>;
  readonly games: readonly GameSummary[];
}

export function teamTotals(team: TeamGame): StatLine {
  return sumStatLines([...team.lines.values()]);
}

export function summarizeGame(sim: SimulatedGame): GameSummary {
  const { game } = sim;
  return {
    gameId: game.gameId,
    gameDate: game.gameDate,
    seasonType: game.seasonType,
    homeTeamId: game.homeTeamId,
    awayTeamId: game.awayTeamId,
    homePoints: sim.home.points,
    awayPoints: sim.away.points,
    periods: sim.periods,
    boxScorePlayers: { home: sim.home.rows.length, away: sim.away.rows.length },
    playByPlayActions: sim.actions.length,
  };
}

/**
 * The served schedule with per-game counts; pure, and plays every selected game (~2 ms each),
 * so the full season takes a few seconds.
 */
export function summarizeSeason(
  season: Season,
  slice: SeasonSlice = {},
  summarize: (gameId: string) => GameSummary = (id) => {
    const game = season.gameById.get(id);
    if (!game) throw new Error(`summarizeSeason: unknown game ${id}`);
    return summarizeGame(playGame(season, game));
  },
): SeasonSummary {
  const games = selectGames(season, slice).map((g) => summarize(g.gameId));
  const gamesBySeasonType: Record<SeasonType, number> = { 'Regular Season': 0, PlayIn: 0, Playoffs: 0 };
  for (const g of games) gamesBySeasonType[g.seasonType]++;
  return { seed: season.seed, season: season.season, slice, gamesBySeasonType, games };
}
