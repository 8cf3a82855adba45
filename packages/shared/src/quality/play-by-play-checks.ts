import type { Row } from '../bronze/index.js';
import { everyRow, numberCell, OutcomeBuilder, rowLabel } from './check-outcome.js';
import { clockSeconds, nearlyEqual } from './clock-formats.js';
import { nonNegative, ROWS_PRESENT, requiredFields } from './common-checks.js';
import type { CheckDefinition, CheckOutcome, FinalScore } from './quality-report.js';

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
function lastScore(rows: readonly Row[]): { home: number; away: number; actionId: unknown } | undefined {
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
  const last = lastScore(rows);
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
  ROWS_PRESENT,
  requiredFields('play-by-play'),
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
