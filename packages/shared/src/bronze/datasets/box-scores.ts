import type { CheckDefinition, CheckOutcome, DatasetSchema, Row } from '../dataset-schema.js';
import {
  BOX_SCORE_TEAM_COLUMNS,
  BOX_SCORE_TEAM_ROOT,
  boxScoreStatisticColumns,
  PLAYER_MINUTES_PLAYED_COLUMN,
} from './box-score-columns.js';
import { groupBy, numberCell, OutcomeBuilder } from './checks/check-outcome.js';
import {
  BOX_SCORE_COUNTS,
  BOX_SCORE_STATS,
  madeWithinAttempted,
  nonNegative,
  pointsFormula,
  reboundsSum,
  twoTeams,
} from './checks/common-checks.js';
import { minutesFormat } from './checks/minutes-format.js';
import { column, gameContextColumns, LINEAGE_COLUMNS } from './common-columns.js';

const PLAYER = `${BOX_SCORE_TEAM_ROOT}.players[]`;
const STATS = `${PLAYER}.statistics`;

function teamTotalsOutcome(players: readonly Row[], teamRows: readonly Row[]): CheckOutcome {
  const outcome = new OutcomeBuilder();
  const totals = new Map(
    teamRows.filter((row) => row.row_kind === 'team').map((row) => [String(row.team_id), row]),
  );
  const byTeam = groupBy(players, 'team_id');
  for (const team of new Set([...totals.keys(), ...byTeam.keys()])) {
    const total = totals.get(team);
    const teamPlayers = byTeam.get(team) ?? [];
    if (total === undefined) {
      outcome.add(`team ${team}: no 'team' row`);
      continue;
    }
    const sums = BOX_SCORE_COUNTS.map((column) => ({
      column,
      players: teamPlayers.reduce((sum, row) => sum + (numberCell(row, column) ?? 0), 0),
      team: numberCell(total, column),
    }));
    const off = sums.filter((sum) => sum.players !== sum.team);
    outcome.add(
      off.length === 0
        ? undefined
        : `team ${team}: ${off.map((sum) => `${sum.column} players ${sum.players}, team ${String(sum.team)}`).join(', ')}`,
    );
  }
  return outcome.build();
}

/** `box-scores`: players of one game. */
export const BOX_SCORES_CHECKS: readonly CheckDefinition[] = [
  twoTeams({
    minRows: 5,
    description: 'Exactly two teams, one home and one away, each with at least five players.',
  }),
  minutesFormat({ allowEmpty: true }),
  nonNegative(BOX_SCORE_COUNTS),
  madeWithinAttempted(BOX_SCORE_STATS),
  pointsFormula(BOX_SCORE_STATS),
  reboundsSum(BOX_SCORE_STATS),
  {
    name: 'team-totals',
    dimension: 'consistency',
    description:
      "Each counting column summed over a team's players equals its box-scores-teams 'team' row (needs that file).",
    run: (rows, context) =>
      context.teamRows === undefined ? undefined : teamTotalsOutcome(rows, context.teamRows),
  },
];

/** `box-scores`: boxscoretraditionalv3 player lines, DNP players included. */
export const BOX_SCORES_SCHEMA: DatasetSchema<'box-scores'> = {
  dataset: 'box-scores',
  grain: 'one row per player listed in the box score (home team first), DNP players included',
  partitioning: 'game',
  checks: BOX_SCORES_CHECKS,
  plausibleRows: { min: 10, max: 60 },
  columns: [
    ...gameContextColumns('boxScoreTraditional.gameId'),
    ...BOX_SCORE_TEAM_COLUMNS,
    column('person_id', 'INT64', false, `${PLAYER}.personId`, 'Player id.'),
    column('first_name', 'UTF8', false, `${PLAYER}.firstName`, 'First name, UTF-8 (e.g. Nikola).'),
    column('family_name', 'UTF8', false, `${PLAYER}.familyName`, 'Family name, UTF-8 (e.g. Vučević).'),
    column('name_i', 'UTF8', false, `${PLAYER}.nameI`, 'Initial and family name, e.g. "D. Mitchell".'),
    column('player_slug', 'UTF8', false, `${PLAYER}.playerSlug`, 'URL slug.'),
    column(
      'position',
      'UTF8',
      false,
      `${PLAYER}.position`,
      'F, C or G for the five starters; "" for everyone else.',
    ),
    column(
      'starter',
      'BOOLEAN',
      false,
      'derived',
      'position is not "" (the API gives a position to starters only).',
    ),
    column(
      'comment',
      'UTF8',
      false,
      `${PLAYER}.comment`,
      'e.g. "DNP - Coach\'s Decision"; "" for players who played.',
    ),
    column('jersey_num', 'UTF8', false, `${PLAYER}.jerseyNum`, 'Jersey number as given; the API returns "".'),
    column(
      'minutes',
      'UTF8',
      false,
      `${STATS}.minutes`,
      'Minutes as given, "M:SS" (e.g. "49:48"); "" for DNP.',
    ),
    PLAYER_MINUTES_PLAYED_COLUMN,
    ...boxScoreStatisticColumns(STATS),
    column('plus_minus_points', 'DOUBLE', false, `${STATS}.plusMinusPoints`, 'Point margin while on court.'),
    ...LINEAGE_COLUMNS,
  ],
};
