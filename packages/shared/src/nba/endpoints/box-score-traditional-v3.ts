import type { CellValue, Row } from '../../bronze/index.js';
import {
  BOX_SCORE_TEAM_ROOT,
  BOX_SCORES_SCHEMA,
  BOX_SCORES_TEAMS_SCHEMA,
  TEAM_TOTALS_ROOT,
  type TeamRowKind,
} from '../../bronze/index.js';
import type { EndpointDefinition, ParseContext, ParsedRows, RequestTarget } from '../endpoint.js';
import { NbaRequestError } from '../errors.js';
import { readSourcedCells } from '../parsing/api-cells.js';
import { assembleRow } from '../parsing/assemble-row.js';
import {
  type BoxScoreTeam,
  boxScoreV3Params,
  minutesCellSeconds,
  readBoxScoreTeams,
} from '../parsing/box-score-v3-teams.js';
import { secondsToMinutes } from '../parsing/game-clock.js';
import { gameContextCells } from '../parsing/game-context.js';
import { lineageCells } from '../parsing/lineage-cells.js';

const ENDPOINT = 'boxscoretraditionalv3';
const PLAYER_ROOT = `${BOX_SCORE_TEAM_ROOT}.players[]`;
// Starters and bench rows have no plusMinusPoints; the parser sets it, not the sourced read.
const TEAM_ROW_COLUMNS = BOX_SCORES_TEAMS_SCHEMA.columns.filter((spec) => spec.name !== 'plus_minus_points');
const PLUS_MINUS_COLUMN = BOX_SCORES_TEAMS_SCHEMA.columns.filter((spec) => spec.name === 'plus_minus_points');

function parseError(message: string): NbaRequestError {
  return new NbaRequestError('parse', `${ENDPOINT}: ${message}`);
}

function playerRows(team: BoxScoreTeam, base: Readonly<Record<string, CellValue>>): Row[] {
  return team.players.map((player, index) => {
    const where = `${team.key}.players[${index}]`;
    const cells = readSourcedCells(
      BOX_SCORES_SCHEMA.columns,
      { [BOX_SCORE_TEAM_ROOT]: team.body, [PLAYER_ROOT]: player },
      `${ENDPOINT} ${where}`,
    );
    const seconds = minutesCellSeconds(ENDPOINT, cells.minutes ?? null, where);
    return assembleRow(BOX_SCORES_SCHEMA, {
      ...cells,
      ...base,
      is_home: team.isHome,
      starter: cells.position !== '',
      minutes_played: seconds === null ? null : secondsToMinutes(seconds),
    });
  });
}

function teamRows(team: BoxScoreTeam, base: Readonly<Record<string, CellValue>>): Row[] {
  const sourceOf: Record<TeamRowKind, string> = { team: 'statistics', starters: 'starters', bench: 'bench' };
  // RangeType=1 requests may get null starters/bench (REFERENCE §4.4); ours never ask for that.
  const kinds = (['team', 'starters', 'bench'] as const).filter((kind) => team.body[sourceOf[kind]] !== null);
  const cellsByKind = new Map(
    kinds.map((kind) => {
      const where = `${ENDPOINT} ${team.key}.${sourceOf[kind]}`;
      const roots = { [BOX_SCORE_TEAM_ROOT]: team.body, [TEAM_TOTALS_ROOT]: team.body[sourceOf[kind]] };
      const cells = readSourcedCells(TEAM_ROW_COLUMNS, roots, where);
      const plusMinus =
        kind === 'team' ? readSourcedCells(PLUS_MINUS_COLUMN, roots, where) : { plus_minus_points: null };
      return [kind, { ...cells, ...plusMinus }];
    }),
  );
  const secondsByKind = new Map(
    [...cellsByKind].map(([kind, cells]) => [
      kind,
      minutesCellSeconds(ENDPOINT, cells.minutes ?? null, `${team.key}.${kind}`),
    ]),
  );
  return [...cellsByKind].map(([kind, cells]) => {
    let seconds = secondsByKind.get(kind) ?? null;
    // The API repeats the starters' minutes on the bench object; team minus starters is right.
    const total = secondsByKind.get('team');
    const starters = secondsByKind.get('starters');
    if (kind === 'bench' && typeof total === 'number' && typeof starters === 'number')
      seconds = total - starters;
    if (seconds === null) throw parseError(`${team.key}.${kind}: minutes is ""`);
    return assembleRow(BOX_SCORES_TEAMS_SCHEMA, {
      ...cells,
      ...base,
      is_home: team.isHome,
      row_kind: kind,
      minutes_played: secondsToMinutes(seconds),
    });
  });
}

function parseBoxScore(body: unknown, ctx: ParseContext): ParsedRows {
  const teams = readBoxScoreTeams(ENDPOINT, 'boxScoreTraditional', body, ctx);
  const base = { ...gameContextCells(ctx, ENDPOINT), ...lineageCells(ENDPOINT, ctx) };
  return {
    'box-scores': teams.flatMap((team) => playerRows(team, base)),
    'box-scores-teams': teams.flatMap((team) => teamRows(team, base)),
  };
}

/** Traditional box score of one game, written to `box-scores` and `box-scores-teams`. */
export const BOX_SCORE_TRADITIONAL_V3: EndpointDefinition<'box-score'> = {
  request: 'box-score',
  endpoint: ENDPOINT,
  params: (target: RequestTarget) => boxScoreV3Params(ENDPOINT, target),
  parse: parseBoxScore,
  datasets: ['box-scores', 'box-scores-teams'],
};
