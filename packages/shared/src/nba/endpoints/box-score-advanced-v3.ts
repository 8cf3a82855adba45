import type { CellValue, Row } from '../../bronze/index.js';
import {
  ADVANCED_PLAYER_ROOT,
  ADVANCED_STATS_ROOT,
  BOX_SCORE_TEAM_ROOT,
  BOX_SCORES_ADVANCED_SCHEMA,
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
import { isRecord } from '../parsing/json-shape.js';
import { lineageCells } from '../parsing/lineage-cells.js';

const ENDPOINT = 'boxscoreadvancedv3';
const COLUMNS = BOX_SCORES_ADVANCED_SCHEMA.columns;
// The API sends estimatedTeamTurnoverPercentage on team statistics only.
const TEAM_ONLY = 'estimated_team_turnover_percentage';
const PLAYER_ROW_COLUMNS = COLUMNS.filter((spec) => spec.name !== TEAM_ONLY);
const TEAM_ROW_COLUMNS = COLUMNS.filter((spec) => !spec.source.startsWith(`${ADVANCED_PLAYER_ROOT}.`));
const PLAYER_ONLY_NULLS: Readonly<Record<string, CellValue>> = Object.fromEntries(
  COLUMNS.filter((spec) => spec.source.startsWith(`${ADVANCED_PLAYER_ROOT}.`)).map((spec) => [
    spec.name,
    null,
  ]),
);

function parseError(message: string): NbaRequestError {
  return new NbaRequestError('parse', `${ENDPOINT}: ${message}`);
}

/** Decimal minutes of a `minutes` cell; `""` (did not play) is null, another shape a parse error. */
function minutesPlayed(minutes: CellValue, where: string): number | null {
  const seconds = minutesCellSeconds(ENDPOINT, minutes, where);
  return seconds === null ? null : secondsToMinutes(seconds);
}

function playerRows(team: BoxScoreTeam, base: Readonly<Record<string, CellValue>>): Row[] {
  return team.players.map((player, index) => {
    const where = `${team.key}.players[${index}]`;
    const stats = isRecord(player) ? player.statistics : undefined;
    const cells = readSourcedCells(
      PLAYER_ROW_COLUMNS,
      { [BOX_SCORE_TEAM_ROOT]: team.body, [ADVANCED_PLAYER_ROOT]: player, [ADVANCED_STATS_ROOT]: stats },
      `${ENDPOINT} ${where}`,
    );
    return assembleRow(BOX_SCORES_ADVANCED_SCHEMA, {
      ...cells,
      ...base,
      [TEAM_ONLY]: null,
      is_home: team.isHome,
      row_kind: 'player',
      starter: cells.position !== '',
      minutes_played: minutesPlayed(cells.minutes ?? null, where),
    });
  });
}

function teamRow(team: BoxScoreTeam, base: Readonly<Record<string, CellValue>>): Row {
  const where = `${team.key}.statistics`;
  const cells = readSourcedCells(
    TEAM_ROW_COLUMNS,
    { [BOX_SCORE_TEAM_ROOT]: team.body, [ADVANCED_STATS_ROOT]: team.body.statistics },
    `${ENDPOINT} ${where}`,
  );
  const minutes = minutesPlayed(cells.minutes ?? null, where);
  if (minutes === null) throw parseError(`${where}: minutes is ""`);
  return assembleRow(BOX_SCORES_ADVANCED_SCHEMA, {
    ...cells,
    ...base,
    ...PLAYER_ONLY_NULLS,
    is_home: team.isHome,
    row_kind: 'team',
    starter: null,
    minutes_played: minutes,
  });
}

function parseBoxScoreAdvanced(body: unknown, ctx: ParseContext): ParsedRows {
  const teams = readBoxScoreTeams(ENDPOINT, 'boxScoreAdvanced', body, ctx);
  const base = { ...gameContextCells(ctx, ENDPOINT), ...lineageCells(ENDPOINT, ctx) };
  return {
    'box-scores-advanced': [
      ...teams.flatMap((team) => playerRows(team, base)),
      ...teams.map((team) => teamRow(team, base)),
    ],
  };
}

/**
 * Advanced box score of one game (REFERENCE §4.10), written to `box-scores-advanced`. Off by
 * default: `ENDPOINTS=box-score,play-by-play,box-score-advanced` turns it on.
 */
export const BOX_SCORE_ADVANCED_V3: EndpointDefinition<'box-score-advanced'> = {
  request: 'box-score-advanced',
  endpoint: ENDPOINT,
  params: (target: RequestTarget) => boxScoreV3Params(ENDPOINT, target),
  parse: parseBoxScoreAdvanced,
  datasets: ['box-scores-advanced'],
};
