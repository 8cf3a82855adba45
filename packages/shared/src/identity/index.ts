/** Identities every domain shares and none owns alone: the NBA game id and season. Imports nothing. */
export { assertGameId, type GameId, isGameId } from './game-id.js';
export {
  addDays,
  easternDate,
  isSeason,
  NBA_TIMEZONE,
  parseSeasonList,
  type Season,
  seasonContaining,
} from './season.js';
