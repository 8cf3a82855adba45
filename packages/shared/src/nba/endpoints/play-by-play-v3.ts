import type { CellValue } from '../../bronze/index.js';
import { PLAY_BY_PLAY_SCHEMA } from '../../bronze/index.js';
import type { EndpointDefinition, ParseContext, ParsedRows, RequestTarget } from '../endpoint.js';
import { NbaRequestError } from '../errors.js';
import { readSourcedCells } from '../parsing/api-cells.js';
import { assembleRow } from '../parsing/assemble-row.js';
import { isoDurationSeconds } from '../parsing/game-clock.js';
import { checkBodyGameId, gameContextCells, requireGameId } from '../parsing/game-context.js';
import { describeValue, isEmptyObject, isRecord } from '../parsing/json-shape.js';
import { lineageCells } from '../parsing/lineage-cells.js';

const ENDPOINT = 'playbyplayv3';
const ACTION_ROOT = 'game.actions[]';
const SCORE_FIELDS = { score_home: 'scoreHome', score_away: 'scoreAway' } as const;
const SOURCED_COLUMNS = PLAY_BY_PLAY_SCHEMA.columns.filter((spec) => !(spec.name in SCORE_FIELDS));

function parseError(message: string): NbaRequestError {
  return new NbaRequestError('parse', `${ENDPOINT}: ${message}`);
}

/**
 * The API sends running scores as strings, `""` on actions that do not change the score. A
 * plain integer is accepted too, in case the API starts sending numbers.
 */
function readScore(value: unknown, where: () => string): number | null {
  if (value === '') return null;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw parseError(`${where()}: expected a score string or "", got ${describeValue(value)}`);
}

function actionCells(action: unknown, index: number): Record<string, CellValue> {
  // Built only for an error message: thousands of actions per game parse without one.
  const where = () => `game.actions[${index}]`;
  if (!isRecord(action)) throw parseError(`${where()} is ${describeValue(action)}, expected an object`);
  const cells = readSourcedCells(SOURCED_COLUMNS, { [ACTION_ROOT]: action }, () => `${ENDPOINT} ${where()}`);
  const clockSeconds = typeof cells.clock === 'string' ? isoDurationSeconds(cells.clock) : undefined;
  if (clockSeconds === undefined)
    throw parseError(`${where()}.clock ${describeValue(cells.clock)} is not PT<m>M<s>S`);
  cells.clock_seconds = clockSeconds;
  cells.score_home = readScore(action[SCORE_FIELDS.score_home], () => `${where()}.scoreHome`);
  cells.score_away = readScore(action[SCORE_FIELDS.score_away], () => `${where()}.scoreAway`);
  return cells;
}

function parsePlayByPlay(body: unknown, ctx: ParseContext): ParsedRows {
  const gameId = requireGameId(ctx, ENDPOINT);
  if (isEmptyObject(body)) throw new NbaRequestError('empty', `${ENDPOINT}: body is {} for game ${gameId}`);
  if (!isRecord(body)) throw parseError(`expected a JSON object, got ${describeValue(body)}`);
  const game = body.game;
  if (!isRecord(game)) throw parseError(`game is ${describeValue(game)}, expected an object`);
  checkBodyGameId(game.gameId, gameId, `${ENDPOINT} game`);
  const actions = game.actions;
  if (!Array.isArray(actions)) throw parseError(`game.actions is ${describeValue(actions)}, expected a list`);
  // A game not started (or not yet published) answers with no actions.
  if (actions.length === 0) throw new NbaRequestError('empty', `${ENDPOINT}: no actions for game ${gameId}`);
  const base = { ...gameContextCells(ctx, ENDPOINT), ...lineageCells(ENDPOINT, ctx) };
  return {
    'play-by-play': actions.map((action, index) =>
      assembleRow(PLAY_BY_PLAY_SCHEMA, Object.assign(actionCells(action, index), base)),
    ),
  };
}

/** Play-by-play of one game, written to `play-by-play`. */
export const PLAY_BY_PLAY_V3: EndpointDefinition<'play-by-play'> = {
  request: 'play-by-play',
  endpoint: ENDPOINT,
  params: (target: RequestTarget) => ({
    EndPeriod: '0',
    GameID: requireGameId(target, ENDPOINT),
    StartPeriod: '0',
  }),
  parse: parsePlayByPlay,
  datasets: ['play-by-play'],
};
