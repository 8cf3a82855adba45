import type { Row } from '../bronze/index.js';
import { minutesFormat } from './box-score-checks.js';
import { everyRow, groupBy, numberCell, OutcomeBuilder, rowLabel } from './check-outcome.js';
import { nonNegative, ROWS_PRESENT, requiredFields, twoTeams } from './common-checks.js';
import type { CheckDefinition, CheckOutcome } from './quality-report.js';

/** Ratings are rounded to one decimal before the API subtracts them, hence the slack. */
const NET_RATING_TOLERANCE = 0.1 + 1e-6;

const NON_NEGATIVE = [
  'assist_to_turnover',
  'assist_ratio',
  'offensive_rebound_percentage',
  'defensive_rebound_percentage',
  'rebound_percentage',
  'turnover_ratio',
  'effective_field_goal_percentage',
  'true_shooting_percentage',
  'usage_percentage',
  'estimated_usage_percentage',
  'estimated_pace',
  'pace',
  'pace_per40',
  'possessions',
];

const NET_PAIRS = [
  ['net_rating', 'offensive_rating', 'defensive_rating'],
  ['estimated_net_rating', 'estimated_offensive_rating', 'estimated_defensive_rating'],
] as const;

function rowKindsOutcome(rows: readonly Row[]): CheckOutcome {
  const outcome = new OutcomeBuilder();
  rows.forEach((row, index) => {
    const label = rowLabel(row, index);
    if (row.row_kind === 'player') {
      outcome.add(
        typeof row.person_id === 'number' && row.estimated_team_turnover_percentage === null
          ? undefined
          : `${label}: player row without person_id or with a team-only value`,
      );
    } else if (row.row_kind !== 'team') {
      outcome.add(`${label}: row_kind ${JSON.stringify(row.row_kind)}`);
    }
  });
  for (const [team, teamRows] of groupBy(rows, 'team_id')) {
    const totals = teamRows.filter((row) => row.row_kind === 'team');
    const [total] = totals;
    outcome.add(
      totals.length === 1 &&
        total?.person_id === null &&
        numberCell(total, 'estimated_team_turnover_percentage') !== undefined
        ? undefined
        : `team ${team}: ${totals.length} team row(s), expected 1 without person_id and with estimated_team_turnover_percentage`,
    );
  }
  return outcome.build();
}

/** `box-scores-advanced`: players and team rows of one game. */
export const BOX_SCORES_ADVANCED_CHECKS: readonly CheckDefinition[] = [
  ROWS_PRESENT,
  requiredFields('box-scores-advanced'),
  twoTeams({
    minRows: 5,
    rowFilter: (row) => row.row_kind === 'player',
    description: "Exactly two teams, one home and one away, each with at least five 'player' rows.",
  }),
  {
    name: 'row-kinds',
    dimension: 'completeness',
    description:
      "Player rows have a person_id and no team-only value; each team has exactly one 'team' row, with no person_id and with estimated_team_turnover_percentage.",
    run: (rows) => rowKindsOutcome(rows),
  },
  minutesFormat({ allowEmpty: true }),
  nonNegative(NON_NEGATIVE, 'non-negative-rates'),
  {
    name: 'net-rating',
    dimension: 'consistency',
    description:
      'net_rating = offensive_rating - defensive_rating, and the same for the estimated ratings (within 0.1 for rounding).',
    run: (rows) =>
      everyRow(rows, (row, index) => {
        const off = NET_PAIRS.filter(
          ([net, offense, defense]) =>
            Math.abs(
              (numberCell(row, net) ?? Number.NaN) -
                ((numberCell(row, offense) ?? 0) - (numberCell(row, defense) ?? 0)),
            ) > NET_RATING_TOLERANCE || numberCell(row, net) === undefined,
        );
        return off.length === 0
          ? undefined
          : `${rowLabel(row, index)}: ${off.map(([net]) => `${net} ${String(row[net])}`).join(', ')}`;
      }),
  },
];
