import type { CheckDefinition, CheckOutcome, DatasetSchema, FinalScore, Row } from '../dataset-schema.js';
import { everyRow, numberCell, OutcomeBuilder, rowLabel } from './checks/check-outcome.js';
import { clockSeconds, nearlyEqual } from './checks/clock-formats.js';
import { nonNegative } from './checks/common-checks.js';
import { column, gameContextColumns, LINEAGE_COLUMNS } from './common-columns.js';

const ACTION = 'game.actions[]';

const REGULATION_PERIODS = 4;
const PERIOD_SECONDS = 720;
const OVERTIME_SECONDS = 300;

/** The home and away points of a game from its `box-scores-teams` 'team' rows, if both are there. */
export function finalScoreOf(teamRows: readonly Row[]): FinalScore | undefined {
  const totals = teamRows.filter((row) => row.row_kind === 'team');
  const home = totals.find((row) => row.is_home === true);
  const away = totals.find((row) => row.is_home === false);
  const homePoints = home === undefined ? undefined : numberCell(home, 'points');
  const awayPoints = away === undefined ? undefined : numberCell(away, 'points');
  return homePoints === undefined || awayPoints === undefined
    ? undefined
    : { home: homePoints, away: awayPoints };
}

/** The score after the last action that carries one (scores are null on non-scoring actions). */
export function lastScoreOf(
  rows: readonly Row[],
): { home: number; away: number; actionId: unknown } | undefined {
  let last: { home: number; away: number; actionId: unknown; order: number } | undefined;
  rows.forEach((row, index) => {
    const home = numberCell(row, 'score_home');
    const away = numberCell(row, 'score_away');
    if (home === undefined || away === undefined) return;
    const order = numberCell(row, 'action_id') ?? index;
    if (last === undefined || order >= last.order) last = { home, away, actionId: row.action_id, order };
  });
  return last;
}

/** Compares the last play-by-play score with the box score's points (a cross-item check). */
export function finalScoreOutcome(rows: readonly Row[], finalScore: FinalScore): CheckOutcome {
  const outcome = new OutcomeBuilder();
  const last = lastScoreOf(rows);
  if (last === undefined) outcome.add('no action carries a score');
  else
    outcome.add(
      last.home === finalScore.home && last.away === finalScore.away
        ? undefined
        : `last score ${last.home}-${last.away} (action ${String(last.actionId)}), box score ${finalScore.home}-${finalScore.away}`,
    );
  return outcome.build();
}

function actionIdOutcome(rows: readonly Row[]): CheckOutcome {
  const outcome = new OutcomeBuilder();
  const seen = new Set<number>();
  rows.forEach((row, index) => {
    const id = numberCell(row, 'action_id');
    if (id !== undefined && seen.has(id)) outcome.add(`${rowLabel(row, index)}: action_id repeated`);
    else
      outcome.add(
        id === index + 1
          ? undefined
          : `${rowLabel(row, index)}: action_id ${String(row.action_id)}, expected ${index + 1}`,
      );
    if (id !== undefined) seen.add(id);
  });
  return outcome.build();
}

/** `play-by-play`: actions of one game. */
export const PLAY_BY_PLAY_CHECKS: readonly CheckDefinition[] = [
  {
    name: 'clock-format',
    dimension: 'validity',
    description: 'clock is an ISO duration "PT<m>M<s>S" and clock_seconds is the same time in seconds.',
    run: (rows) =>
      everyRow(rows, (row, index) => {
        const seconds = typeof row.clock === 'string' ? clockSeconds(row.clock) : undefined;
        if (seconds === undefined)
          return `${rowLabel(row, index)}: clock ${JSON.stringify(row.clock)} is not PT<m>M<s>S`;
        const given = numberCell(row, 'clock_seconds');
        return given !== undefined && nearlyEqual(given, seconds, 1e-6)
          ? undefined
          : `${rowLabel(row, index)}: clock_seconds ${String(row.clock_seconds)} for clock ${String(row.clock)}`;
      }),
  },
  {
    name: 'clock-range',
    dimension: 'validity',
    description: 'period >= 1, and clock_seconds within 0..720 in periods 1-4 and 0..300 in overtimes.',
    run: (rows) =>
      everyRow(rows, (row, index) => {
        const period = numberCell(row, 'period') ?? 0;
        const seconds = numberCell(row, 'clock_seconds') ?? -1;
        const limit = period <= REGULATION_PERIODS ? PERIOD_SECONDS : OVERTIME_SECONDS;
        return period >= 1 && seconds >= 0 && seconds <= limit
          ? undefined
          : `${rowLabel(row, index)}: period ${String(row.period)}, clock_seconds ${String(row.clock_seconds)}`;
      }),
  },
  nonNegative(['action_number', 'action_id', 'shot_distance', 'points_total', 'score_home', 'score_away']),
  {
    name: 'coded-values',
    dimension: 'validity',
    description: 'shot_value is 0, 2 or 3; is_field_goal 0 or 1; location "h", "v" or "".',
    run: (rows) =>
      everyRow(rows, (row, index) =>
        [0, 2, 3].includes(row.shot_value as number) &&
        [0, 1].includes(row.is_field_goal as number) &&
        ['h', 'v', ''].includes(row.location as string)
          ? undefined
          : `${rowLabel(row, index)}: shot_value ${String(row.shot_value)}, is_field_goal ${String(row.is_field_goal)}, location ${JSON.stringify(row.location)}`,
      ),
  },
  {
    name: 'action-id-sequence',
    dimension: 'consistency',
    description: 'action_id is unique and sequential: the n-th row has action_id n (1..N).',
    run: (rows) => actionIdOutcome(rows),
  },
  {
    name: 'final-score',
    dimension: 'consistency',
    description:
      "The last score in the play-by-play equals the box score's home and away points (needs the box score).",
    run: (rows, context) =>
      context.finalScore === undefined ? undefined : finalScoreOutcome(rows, context.finalScore),
  },
];

/** `play-by-play`: playbyplayv3 actions, all 23 action fields plus game fields. */
export const PLAY_BY_PLAY_SCHEMA: DatasetSchema<'play-by-play'> = {
  dataset: 'play-by-play',
  grain: 'one row per action (action_id is unique and sequential; action_number is not unique)',
  partitioning: 'game',
  checks: PLAY_BY_PLAY_CHECKS,
  plausibleRows: { min: 150, max: 1500 },
  columns: [
    ...gameContextColumns('game.gameId'),
    column(
      'action_number',
      'INT32',
      false,
      `${ACTION}.actionNumber`,
      'Event number; shared by a steal/block and its turnover/shot.',
    ),
    column(
      'clock',
      'UTF8',
      false,
      `${ACTION}.clock`,
      'Time left in the period as given, ISO-8601 duration ("PT11M43.00S").',
    ),
    column(
      'clock_seconds',
      'DOUBLE',
      false,
      'derived',
      'clock as seconds left in the period (PT00M06.30S -> 6.3).',
    ),
    column('period', 'INT32', false, `${ACTION}.period`, '1-4, 5 and up are overtimes.'),
    column(
      'team_id',
      'INT64',
      false,
      `${ACTION}.teamId`,
      'Team id; 0 for game, period and team-level events.',
    ),
    column('team_tricode', 'UTF8', false, `${ACTION}.teamTricode`, 'Team tricode; "" when team_id is 0.'),
    column(
      'person_id',
      'INT64',
      false,
      `${ACTION}.personId`,
      'Player id; the team id on team rebounds/timeouts; 0 if none.',
    ),
    column('player_name', 'UTF8', false, `${ACTION}.playerName`, 'Family name, UTF-8; "" if none.'),
    column('player_name_i', 'UTF8', false, `${ACTION}.playerNameI`, 'e.g. "A. Horford"; "" if none.'),
    column('x_legacy', 'INT32', false, `${ACTION}.xLegacy`, 'Shot x position; 0 for non-shots.'),
    column('y_legacy', 'INT32', false, `${ACTION}.yLegacy`, 'Shot y position; 0 for non-shots.'),
    column(
      'shot_distance',
      'INT32',
      false,
      `${ACTION}.shotDistance`,
      'Shot distance in feet; 0 for non-shots.',
    ),
    column(
      'shot_result',
      'UTF8',
      false,
      `${ACTION}.shotResult`,
      '"Made"/"Missed" for field goals; "" otherwise (free throws too).',
    ),
    column(
      'is_field_goal',
      'INT32',
      false,
      `${ACTION}.isFieldGoal`,
      '1 for a field goal attempt, else 0 (as given).',
    ),
    column(
      'score_home',
      'INT32',
      true,
      `${ACTION}.scoreHome`,
      'Home score after the action; the API sends a string, "" (-> null) except on scoring and period events.',
    ),
    column(
      'score_away',
      'INT32',
      true,
      `${ACTION}.scoreAway`,
      'Away score after the action; the API sends a string, "" (-> null) except on scoring and period events.',
    ),
    column(
      'points_total',
      'INT32',
      false,
      `${ACTION}.pointsTotal`,
      'Total points when the score changes, else 0.',
    ),
    column('location', 'UTF8', false, `${ACTION}.location`, '"h" home, "v" visitor, "" neither.'),
    column('description', 'UTF8', false, `${ACTION}.description`, 'Human-readable text of the action.'),
    column(
      'action_type',
      'UTF8',
      false,
      `${ACTION}.actionType`,
      'e.g. Made Shot, Rebound, period; "" on steal and block rows.',
    ),
    column(
      'sub_type',
      'UTF8',
      false,
      `${ACTION}.subType`,
      'e.g. Jump Shot, Free Throw 1 of 2, start; may be "".',
    ),
    column('video_available', 'INT32', false, `${ACTION}.videoAvailable`, '1 if video exists, else 0.'),
    column(
      'shot_value',
      'INT32',
      false,
      `${ACTION}.shotValue`,
      '2 or 3 for field goals (and block rows), else 0.',
    ),
    column(
      'action_id',
      'INT32',
      false,
      `${ACTION}.actionId`,
      '1..N, unique and sequential: the ordering key.',
    ),
    ...LINEAGE_COLUMNS,
  ],
};
