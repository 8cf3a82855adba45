import { type SimulatedGame, simulateGame } from './game-simulation.js';
import type { ScheduledGame, SeasonType } from './game-types.js';
import { generateRosters, type Rosters } from './players.js';
import { generatePostseason } from './postseason-schedule.js';
import { generateRegularSeason } from './regular-season-schedule.js';
import { parseSeason } from './season-calendar.js';
import { teamStrengths } from './team-strength.js';

export interface SeasonOptions {
  /** Fixes every generated number. @defaultValue 1 */
  readonly seed?: number;
  /** `YYYY-YY`; dates are the 2024-25 ones shifted by whole years. @defaultValue '2024-25' */
  readonly season?: string;
}

/** The full generated season: schedule, rosters and what decided the postseason. */
export interface Season {
  readonly seed: number;
  readonly season: string;
  readonly startYear: number;
  /** Every game of every season type, sorted by date (ids within a date in schedule order). */
  readonly games: readonly ScheduledGame[];
  readonly gameById: ReadonlyMap<string, ScheduledGame>;
  readonly rosters: Rosters;
  readonly strengths: ReadonlyMap<number, number>;
  /** Postseason games were simulated while building the bracket; kept so they are not redone. */
  readonly presimulated: ReadonlyMap<string, SimulatedGame>;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_SEASON = '2024-25';

/** Builds the whole season; pure in (seed, season). Takes ~0.3 s (it plays the postseason). */
export function buildSeason(options: SeasonOptions = {}): Season {
  const seed = options.seed ?? DEFAULT_SEED;
  const name = parseSeason(options.season ?? DEFAULT_SEASON);
  if (!name) throw new Error(`buildSeason: expected season as YYYY-YY, got "${options.season}"`);
  const rosters = generateRosters(seed, name.startYear);
  const strengths = teamStrengths(seed);
  const regular = generateRegularSeason(seed, name.startYear);
  const post = generatePostseason({ seed, rosters, strengths }, name.startYear);
  const games = [...regular, ...post.games]
    .map((g, index) => ({ g, index }))
    .sort((a, b) => (a.g.gameDate < b.g.gameDate ? -1 : a.g.gameDate > b.g.gameDate ? 1 : a.index - b.index))
    .map((x) => x.g);
  return {
    seed,
    season: name.season,
    startYear: name.startYear,
    games,
    gameById: new Map(games.map((g) => [g.gameId, g])),
    rosters,
    strengths,
    presimulated: post.simulations,
  };
}

/** Plays (or returns the already played) game; pure in (season, gameId). */
export function playGame(season: Season, game: ScheduledGame): SimulatedGame {
  return season.presimulated.get(game.gameId) ?? simulateGame(game, season);
}

export interface SeasonSlice {
  /** `YYYY-MM-DD`, inclusive. @defaultValue first day of the season */
  readonly dateFrom?: string;
  /** `YYYY-MM-DD`, inclusive. @defaultValue last day of the season */
  readonly dateTo?: string;
  /** Keep only the first N games (date order) after the other filters. @defaultValue all */
  readonly maxGames?: number;
  /** @defaultValue all three */
  readonly seasonTypes?: readonly SeasonType[];
}

/** The games a slice serves, in date order. */
export function selectGames(season: Season, slice: SeasonSlice = {}): ScheduledGame[] {
  const selected = season.games.filter(
    (g) =>
      (!slice.dateFrom || g.gameDate >= slice.dateFrom) &&
      (!slice.dateTo || g.gameDate <= slice.dateTo) &&
      (!slice.seasonTypes || slice.seasonTypes.includes(g.seasonType)),
  );
  return slice.maxGames === undefined ? selected : selected.slice(0, slice.maxGames);
}
