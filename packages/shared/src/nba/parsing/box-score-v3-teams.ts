import type { CellValue } from '../../bronze/index.js';
import type { ParseContext, RequestTarget } from '../endpoint.js';
import { NbaRequestError } from '../errors.js';
import { playedSeconds } from './game-clock.js';
import { checkBodyGameId, requireGameId } from './game-context.js';
import { describeValue, isEmptyObject, isRecord } from './json-shape.js';

/** One side of a v3 box score (traditional or advanced): its team object and its players. */
export interface BoxScoreTeam {
  readonly key: string;
  readonly isHome: boolean;
  readonly body: Record<string, unknown>;
  readonly players: readonly unknown[];
}

const SIDES = [
  { key: 'homeTeam', idKey: 'homeTeamId', isHome: true },
  { key: 'awayTeam', idKey: 'awayTeamId', isHome: false },
] as const;

function parseError(endpoint: string, message: string): NbaRequestError {
  return new NbaRequestError('parse', `${endpoint}: ${message}`);
}

/** The whole game, every period: both v3 box scores ask for it with the same parameters. */
export function boxScoreV3Params(endpoint: string, target: RequestTarget): Record<string, string> {
  return {
    EndPeriod: '0',
    EndRange: '0',
    GameID: requireGameId(target, endpoint),
    RangeType: '0',
    StartPeriod: '0',
    StartRange: '0',
  };
}

/**
 * The home and away teams (home first) of a v3 box score body, whose object sits under `rootKey`
 * (`boxScoreTraditional`, `boxScoreAdvanced`). `{}` or a team without players is `empty`, a body
 * of another shape or for another game is `parse`.
 */
export function readBoxScoreTeams(
  endpoint: string,
  rootKey: string,
  body: unknown,
  ctx: ParseContext,
): BoxScoreTeam[] {
  const gameId = requireGameId(ctx, endpoint);
  if (isEmptyObject(body)) throw new NbaRequestError('empty', `${endpoint}: body is {} for game ${gameId}`);
  if (!isRecord(body)) throw parseError(endpoint, `expected a JSON object, got ${describeValue(body)}`);
  const box = body[rootKey];
  if (!isRecord(box)) throw parseError(endpoint, `${rootKey} is ${describeValue(box)}, expected an object`);
  checkBodyGameId(box.gameId, gameId, `${endpoint} ${rootKey}`);
  const teams = SIDES.map(({ key, idKey, isHome }) => {
    const team = box[key];
    if (!isRecord(team)) throw parseError(endpoint, `${key} is ${describeValue(team)}, expected an object`);
    if (box[idKey] !== undefined && box[idKey] !== team.teamId) {
      throw parseError(
        endpoint,
        `${key}.teamId ${describeValue(team.teamId)} differs from ${idKey} ${describeValue(box[idKey])}`,
      );
    }
    const players = team.players;
    if (!Array.isArray(players))
      throw parseError(endpoint, `${key}.players is ${describeValue(players)}, expected a list`);
    return { key, isHome, body: team, players };
  });
  // Unknown or unplayed games answer with teamId 0 and no players; a box score missing either
  // team's players is not a usable box score yet, so there is nothing to store.
  const empty = teams.find((team) => team.players.length === 0);
  if (empty)
    throw new NbaRequestError('empty', `${endpoint}: ${empty.key} has no players for game ${gameId}`);
  return teams;
}

/** Seconds of a `minutes` cell; `""` (did not play) is null, any other shape is a parse error. */
export function minutesCellSeconds(endpoint: string, minutes: CellValue, where: string): number | null {
  if (minutes === '') return null;
  const seconds = typeof minutes === 'string' ? playedSeconds(minutes) : undefined;
  if (seconds === undefined)
    throw parseError(endpoint, `${where}: minutes ${describeValue(minutes)} is not M:SS`);
  return seconds;
}
