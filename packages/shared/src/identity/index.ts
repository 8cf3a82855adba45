/** Identities every domain shares and none owns alone: the NBA game id. Imports nothing. */
export { assertGameId, type GameId, isGameId } from './game-id.js';
