import type { Row } from '../bronze/index.js';
import { SEASON_TYPES, type SeasonType } from './endpoint.js';
import { describeValue } from './parsing/json-shape.js';

/** One game the planner enqueues per-game requests for. */
export interface ScheduledGame {
  readonly gameId: string;
  /** `YYYY-MM-DD`, US Eastern, as leaguegamelog gives it. */
  readonly gameDate: string;
  readonly seasonType: SeasonType;
}

function isSeasonType(value: unknown): value is SeasonType {
  return typeof value === 'string' && (SEASON_TYPES as readonly string[]).includes(value);
}

/**
 * The distinct games of `games` rows (two rows per game, one per team), ordered by date then
 * game id, since game ids are not chronological (REFERENCE §6.2). Rows not made by the
 * leaguegamelog parser are a caller bug, so they throw a TypeError.
 */
export function scheduleGames(rows: readonly Row[]): ScheduledGame[] {
  const byId = new Map<string, ScheduledGame>();
  for (const row of rows) {
    const { game_id: gameId, game_date: gameDate, season_type: seasonType } = row;
    if (typeof gameId !== 'string' || typeof gameDate !== 'string' || !isSeasonType(seasonType)) {
      throw new TypeError(`scheduleGames: not a games row: ${describeValue(row)}`);
    }
    if (!byId.has(gameId)) byId.set(gameId, { gameId, gameDate, seasonType });
  }
  return [...byId.values()].sort(
    (a, b) => a.gameDate.localeCompare(b.gameDate) || a.gameId.localeCompare(b.gameId),
  );
}
