import type { CheckDefinition, CheckOutcome, ColumnSpec, DatasetSchema, Row } from '../dataset-schema.js';
import {
  BOX_SCORE_TEAM_COLUMNS,
  BOX_SCORE_TEAM_ROOT,
  PLAYER_MINUTES_PLAYED_COLUMN,
} from './box-score-columns.js';
import { everyRow, groupBy, numberCell, OutcomeBuilder, rowLabel } from './checks/check-outcome.js';
import { nonNegative, twoTeams } from './checks/common-checks.js';
import { minutesFormat } from './checks/minutes-format.js';
import { column, gameContextColumns, LINEAGE_COLUMNS } from './common-columns.js';

/** Source root of a player of boxscoreadvancedv3. */
export const ADVANCED_PLAYER_ROOT = `${BOX_SCORE_TEAM_ROOT}.players[]`;
/** Source root of a `statistics` object: a player's on player rows, the team's on team rows. */
export const ADVANCED_STATS_ROOT = `${BOX_SCORE_TEAM_ROOT}[.players[]].statistics`;

/** Values of `row_kind`: players first (home team first), then the two team rows. */
export const ADVANCED_ROW_KINDS = ['player', 'team'] as const;
export type AdvancedRowKind = (typeof ADVANCED_ROW_KINDS)[number];

const player = (name: string, type: 'UTF8' | 'INT64', key: string, what: string): ColumnSpec =>
  column(name, type, true, `${ADVANCED_PLAYER_ROOT}.${key}`, `${what} Null on team rows.`);

const stat = (name: string, key: string, what: string, nullable = false): ColumnSpec =>
  column(name, 'DOUBLE', nullable, `${ADVANCED_STATS_ROOT}.${key}`, what);

/**
 * The 23 numbers after `minutes`, in API order (REFERENCE §4.10). All are floats on the wire,
 * 0.0 for players who did not play. On real team rows the estimated ratings are five times the
 * team's and estimated_pace a fifth of pace (seen in the recorded 0022200552 answer), so prefer
 * the non-estimated columns there.
 */
const ADVANCED_STAT_COLUMNS: readonly ColumnSpec[] = [
  stat(
    'estimated_offensive_rating',
    'estimatedOffensiveRating',
    'Estimated points scored per 100 possessions.',
  ),
  stat('offensive_rating', 'offensiveRating', 'Points scored per 100 possessions (on court, for players).'),
  stat(
    'estimated_defensive_rating',
    'estimatedDefensiveRating',
    'Estimated points allowed per 100 possessions.',
  ),
  stat('defensive_rating', 'defensiveRating', 'Points allowed per 100 possessions (on court, for players).'),
  stat(
    'estimated_net_rating',
    'estimatedNetRating',
    'estimated_offensive_rating minus estimated_defensive_rating.',
  ),
  stat('net_rating', 'netRating', 'offensive_rating minus defensive_rating (rounded after subtracting).'),
  stat(
    'assist_percentage',
    'assistPercentage',
    "Share of teammates' field goals assisted while on court, 0..1.",
  ),
  stat('assist_to_turnover', 'assistToTurnover', 'Assists per turnover; 0.0 when there were no turnovers.'),
  stat('assist_ratio', 'assistRatio', "Assists per 100 of the player's possessions used."),
  stat(
    'offensive_rebound_percentage',
    'offensiveReboundPercentage',
    'Share of available offensive rebounds, 0..1.',
  ),
  stat(
    'defensive_rebound_percentage',
    'defensiveReboundPercentage',
    'Share of available defensive rebounds, 0..1.',
  ),
  stat('rebound_percentage', 'reboundPercentage', 'Share of all available rebounds, 0..1.'),
  stat(
    'estimated_team_turnover_percentage',
    'estimatedTeamTurnoverPercentage',
    'Team turnovers per possession as given (the real API sends a percent, e.g. 9.259); null on player rows.',
    true,
  ),
  stat('turnover_ratio', 'turnoverRatio', 'Turnovers per 100 possessions used.'),
  stat(
    'effective_field_goal_percentage',
    'effectiveFieldGoalPercentage',
    '(FGM + 0.5 * FG3M) / FGA, 0.0 with no attempts.',
  ),
  stat(
    'true_shooting_percentage',
    'trueShootingPercentage',
    'PTS / (2 * (FGA + 0.44 * FTA)), 0.0 with no attempts.',
  ),
  stat(
    'usage_percentage',
    'usagePercentage',
    'Share of team possessions used while on court, 0..1 (1.0 on team rows).',
  ),
  stat('estimated_usage_percentage', 'estimatedUsagePercentage', 'Estimated usage_percentage.'),
  stat('estimated_pace', 'estimatedPace', 'Estimated possessions per 48 minutes.'),
  stat('pace', 'pace', 'Possessions per 48 minutes.'),
  stat('pace_per40', 'pacePer40', 'Possessions per 40 minutes.'),
  stat('possessions', 'possessions', 'Possessions played (a whole number sent as a float).'),
  stat('pie', 'PIE', "Player Impact Estimate: share of the game's positive events; may be negative."),
];

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

/**
 * `box-scores-advanced`: boxscoreadvancedv3, players and team totals in one dataset (the endpoint
 * has no starters/bench split, so one file per game is enough; `row_kind` tells them apart).
 */
export const BOX_SCORES_ADVANCED_SCHEMA: DatasetSchema<'box-scores-advanced'> = {
  dataset: 'box-scores-advanced',
  grain:
    "one row per player listed in the box score (row_kind 'player', DNP included) plus one per team (row_kind 'team'), home team first",
  partitioning: 'game',
  checks: BOX_SCORES_ADVANCED_CHECKS,
  plausibleRows: { min: 12, max: 62 },
  columns: [
    ...gameContextColumns('boxScoreAdvanced.gameId'),
    ...BOX_SCORE_TEAM_COLUMNS,
    column(
      'row_kind',
      'UTF8',
      false,
      'derived',
      "'player' (from players[]) or 'team' (the team's statistics).",
    ),
    player('person_id', 'INT64', 'personId', 'Player id.'),
    player('first_name', 'UTF8', 'firstName', 'First name, UTF-8.'),
    player('family_name', 'UTF8', 'familyName', 'Family name, UTF-8.'),
    player('name_i', 'UTF8', 'nameI', 'Initial and family name, e.g. "D. Mitchell".'),
    player('player_slug', 'UTF8', 'playerSlug', 'URL slug.'),
    player('position', 'UTF8', 'position', 'F, C or G for the five starters; "" for everyone else.'),
    column('starter', 'BOOLEAN', true, 'derived', 'position is not ""; null on team rows.'),
    player('comment', 'UTF8', 'comment', 'e.g. "DNP - Coach\'s Decision"; "" for players who played.'),
    player('jersey_num', 'UTF8', 'jerseyNum', 'Jersey number as given; the API returns "".'),
    column(
      'minutes',
      'UTF8',
      false,
      `${ADVANCED_STATS_ROOT}.minutes`,
      'Minutes as given, "M:SS"; "" for DNP; player-minutes ("240:00") on team rows.',
    ),
    PLAYER_MINUTES_PLAYED_COLUMN,
    ...ADVANCED_STAT_COLUMNS,
    ...LINEAGE_COLUMNS,
  ],
};
