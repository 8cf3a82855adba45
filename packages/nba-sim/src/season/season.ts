import { type SimulatedGame, simulateGame } from './game-simulation.js';
import type { ScheduledGame, SeasonType } from './game-types.js';
import { generateRosters, type Rosters } from './players.js';
import { generatePostseason } from './postseason-schedule.js';
import { generateRegularSeason } from './regular-season-schedule.js';
import { parseSeason, shiftDate } from './season-calendar.js';
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
  /** Prefix of the season's schedule, strength and bracket streams (`seasonStreamKey`). */
  readonly streamKey: string;
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

/**
 * Prefix of a season's random streams (schedule, team strength, bracket). 2024-25 keeps the bare
 * seed it always had, so its bodies never changed; any other season mixes its name in, so two
 * seasons of one seed differ. Rosters stay on the bare seed in every season: the same players (ids,
 * names, teams) throughout, as a store keyed by person id expects. Games are seeded by their id,
 * which already carries the season.
 */
export function seasonStreamKey(seed: number, season: string): string {
  return season === DEFAULT_SEASON ? String(seed) : `${seed}:${season}`;
}

/** Builds the whole season; pure in (seed, season). Takes ~0.3 s (it plays the postseason). */
export function buildSeason(options: SeasonOptions = {}): Season {
  const seed = options.seed ?? DEFAULT_SEED;
  const name = parseSeason(options.season ?? DEFAULT_SEASON);
  if (!name) throw new Error(`buildSeason: expected season as YYYY-YY, got "${options.season}"`);
  const streamKey = seasonStreamKey(seed, name.season);
  const rosters = generateRosters(seed, name.startYear);
  const strengths = teamStrengths(streamKey);
  const regular = generateRegularSeason(streamKey, name.startYear);
  const post = generatePostseason({ seed, rosters, strengths }, name.startYear, streamKey);
  const games = [...regular, ...post.games]
    .map((g, index) => ({ g, index }))
    .sort((a, b) => (a.g.gameDate < b.g.gameDate ? -1 : a.g.gameDate > b.g.gameDate ? 1 : a.index - b.index))
    .map((x) => x.g);
  return {
    seed,
    season: name.season,
    startYear: name.startYear,
    streamKey,
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

/** Only the slice's own keys (options objects carry more), leaving unset ones out. */
export function sliceOf(options: SeasonSlice): SeasonSlice {
  const { dateFrom, dateTo, maxGames, seasonTypes } = options;
  return {
    ...(dateFrom === undefined ? {} : { dateFrom }),
    ...(dateTo === undefined ? {} : { dateTo }),
    ...(maxGames === undefined ? {} : { maxGames }),
    ...(seasonTypes === undefined ? {} : { seasonTypes }),
  };
}

/** The same slice `years` seasons later: its dates move by whole years, as the seasons' own do. */
export function shiftSlice(slice: SeasonSlice, years: number): SeasonSlice {
  const { dateFrom, dateTo } = slice;
  return {
    ...slice,
    ...(dateFrom === undefined ? {} : { dateFrom: shiftDate(dateFrom, years) }),
    ...(dateTo === undefined ? {} : { dateTo: shiftDate(dateTo, years) }),
  };
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
