import type { CellValue } from '../../bronze/index.js';
import { isIsoDate } from '../../bronze/index.js';
import { isGameId } from '../../identity/index.js';
import type { ParseContext, RequestTarget, SeasonType } from '../endpoint.js';
import { NbaRequestError } from '../errors.js';
import { describeValue } from './json-shape.js';

/** Season type by the first three digits of a game id (REFERENCE §5.1). */
const SEASON_TYPE_BY_GAME_TYPE: Readonly<Record<string, SeasonType>> = {
  '002': 'Regular Season',
  '004': 'Playoffs',
  '005': 'PlayIn',
};

/** A per-game target without a valid game id is a caller bug, so this throws a TypeError. */
export function requireGameId(target: RequestTarget, endpoint: string): string {
  if (!isGameId(target.gameId)) {
    throw new TypeError(`${endpoint}: target.gameId must be 10 digits, got ${describeValue(target.gameId)}`);
  }
  return target.gameId;
}

/** Schedule requests are per season type; without one the request is meaningless. */
export function requireSeasonType(target: RequestTarget, endpoint: string): SeasonType {
  if (target.seasonType === undefined) throw new TypeError(`${endpoint}: target.seasonType is required`);
  return target.seasonType;
}

/** The body must be about the game we asked for; a cache or proxy mix-up is a `parse` error. */
export function checkBodyGameId(bodyGameId: unknown, requested: string, where: string): void {
  if (bodyGameId !== requested) {
    throw new NbaRequestError(
      'parse',
      `${where}: gameId ${describeValue(bodyGameId)} does not match the requested game ${requested}`,
    );
  }
}

/**
 * `game_id`, `season`, `season_type`, `game_date` of per-game rows. Per-game bodies carry no
 * date, so the job must bring the schedule's date; the season type falls back to the game id.
 */
export function gameContextCells(ctx: ParseContext, endpoint: string): Record<string, CellValue> {
  const gameId = requireGameId(ctx, endpoint);
  if (ctx.gameDate === undefined || !isIsoDate(ctx.gameDate)) {
    throw new TypeError(`${endpoint}: ctx.gameDate must be YYYY-MM-DD, got ${describeValue(ctx.gameDate)}`);
  }
  const seasonType = ctx.seasonType ?? SEASON_TYPE_BY_GAME_TYPE[gameId.slice(0, 3)];
  if (seasonType === undefined) {
    throw new TypeError(`${endpoint}: no seasonType given and game ${gameId} is not a 002/004/005 game`);
  }
  return { game_id: gameId, season: ctx.season, season_type: seasonType, game_date: ctx.gameDate };
}
