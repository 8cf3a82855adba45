import type { ColumnSpec } from '../dataset-schema.js';
import { column } from './common-columns.js';

/** Source prefix of the two team objects of boxscoretraditionalv3. */
export const BOX_SCORE_TEAM_ROOT = 'homeTeam|awayTeam';

/** Team identity columns shared by `box-scores` and `box-scores-teams`. */
export const BOX_SCORE_TEAM_COLUMNS: readonly ColumnSpec[] = [
  column('team_id', 'INT64', false, `${BOX_SCORE_TEAM_ROOT}.teamId`, 'Team id (1610612xxx).'),
  column('team_city', 'UTF8', false, `${BOX_SCORE_TEAM_ROOT}.teamCity`, 'Team city, e.g. Cleveland.'),
  column('team_name', 'UTF8', false, `${BOX_SCORE_TEAM_ROOT}.teamName`, 'Team name, e.g. Cavaliers.'),
  column('team_tricode', 'UTF8', false, `${BOX_SCORE_TEAM_ROOT}.teamTricode`, 'Team tricode, e.g. CLE.'),
  column('team_slug', 'UTF8', false, `${BOX_SCORE_TEAM_ROOT}.teamSlug`, 'Team slug, e.g. cavaliers.'),
  column('is_home', 'BOOLEAN', false, 'derived', 'True for homeTeam, false for awayTeam.'),
];

/** Decimal minutes of a player line; the same column in `box-scores` and `box-scores-advanced`. */
export const PLAYER_MINUTES_PLAYED_COLUMN = column(
  'minutes_played',
  'DOUBLE',
  true,
  'derived',
  'minutes as decimal minutes (49:48 -> 49.8); null when minutes is "".',
);

/**
 * The 18 counting and ratio statistics between `minutes` and `plusMinusPoints`, in API order.
 * V3 gives 0.0 (never null) for a percentage with 0 attempts, so none is nullable.
 */
export function boxScoreStatisticColumns(root: string): ColumnSpec[] {
  const count = (name: string, key: string, what: string) =>
    column(name, 'INT32', false, `${root}.${key}`, what);
  const ratio = (name: string, key: string, what: string) =>
    column(name, 'DOUBLE', false, `${root}.${key}`, `${what}; 0.0 (not null) when there were no attempts.`);
  return [
    count('field_goals_made', 'fieldGoalsMade', 'Field goals made.'),
    count('field_goals_attempted', 'fieldGoalsAttempted', 'Field goals attempted.'),
    ratio('field_goals_percentage', 'fieldGoalsPercentage', 'Field goals made / attempted'),
    count('three_pointers_made', 'threePointersMade', 'Three-pointers made.'),
    count('three_pointers_attempted', 'threePointersAttempted', 'Three-pointers attempted.'),
    ratio('three_pointers_percentage', 'threePointersPercentage', 'Three-pointers made / attempted'),
    count('free_throws_made', 'freeThrowsMade', 'Free throws made.'),
    count('free_throws_attempted', 'freeThrowsAttempted', 'Free throws attempted.'),
    ratio('free_throws_percentage', 'freeThrowsPercentage', 'Free throws made / attempted'),
    count('rebounds_offensive', 'reboundsOffensive', 'Offensive rebounds.'),
    count('rebounds_defensive', 'reboundsDefensive', 'Defensive rebounds.'),
    count('rebounds_total', 'reboundsTotal', 'Total rebounds.'),
    count('assists', 'assists', 'Assists.'),
    count('steals', 'steals', 'Steals.'),
    count('blocks', 'blocks', 'Blocks.'),
    count('turnovers', 'turnovers', 'Turnovers.'),
    count('fouls_personal', 'foulsPersonal', 'Personal fouls.'),
    count('points', 'points', 'Points.'),
  ];
}
