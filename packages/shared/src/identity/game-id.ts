/**
 * A game's id as the NBA writes it: ten digits, `00` + game type (`2` regular season, `4`
 * playoffs, `5` play-in) + the season's two-digit start year + the game's number (REFERENCE §5.1).
 * The one definition of the pattern: keys, item ids and parsers all check through here.
 */
export type GameId = string;

const GAME_ID = /^\d{10}$/;

export function isGameId(value: unknown): value is GameId {
  return typeof value === 'string' && GAME_ID.test(value);
}

/** The value as a game id, or an Error naming it (a caller's bug: ids come from the schedule). */
export function assertGameId(value: unknown): GameId {
  if (!isGameId(value)) throw new Error(`game id: expected 10 digits, got ${JSON.stringify(value)}`);
  return value;
}
