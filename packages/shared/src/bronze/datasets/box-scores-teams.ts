import type { CheckDefinition, CheckOutcome, DatasetSchema, Row } from '../dataset-schema.js';
import {
  BOX_SCORE_TEAM_COLUMNS,
  BOX_SCORE_TEAM_ROOT,
  boxScoreStatisticColumns,
} from './box-score-columns.js';
import { groupBy, numberCell, OutcomeBuilder } from './checks/check-outcome.js';
import { nearlyEqual } from './checks/clock-formats.js';
import {
  BOX_SCORE_COUNTS,
  BOX_SCORE_STATS,
  madeWithinAttempted,
  nonNegative,
  pointsFormula,
  reboundsSum,
} from './checks/common-checks.js';
import { minutesFormat } from './checks/minutes-format.js';
import { column, gameContextColumns, LINEAGE_COLUMNS } from './common-columns.js';

/** Source root of the stats of one team row: `statistics`, `starters` or `bench` by row_kind. */
export const TEAM_TOTALS_ROOT = `${BOX_SCORE_TEAM_ROOT}.statistics|starters|bench`;

/** Values of `row_kind`, in the order rows are emitted per team. */
export const TEAM_ROW_KINDS = ['team', 'starters', 'bench'] as const;
export type TeamRowKind = (typeof TEAM_ROW_KINDS)[number];

function startersPlusBenchOutcome(rows: readonly Row[]): CheckOutcome {
  const outcome = new OutcomeBuilder();
  for (const [team, teamRows] of groupBy(rows, 'team_id')) {
    const kind = (name: string) => teamRows.find((row) => row.row_kind === name);
    const total = kind('team');
    const starters = kind('starters');
    const bench = kind('bench');
    if (!total || !starters || !bench) continue;
    const off = [...BOX_SCORE_COUNTS, 'minutes_played'].filter((column) => {
      const sum = (numberCell(starters, column) ?? 0) + (numberCell(bench, column) ?? 0);
      return !nearlyEqual(sum, numberCell(total, column) ?? Number.NaN, 1e-6);
    });
    outcome.add(
      off.length === 0 ? undefined : `team ${team}: starters + bench differ from team in ${off.join(', ')}`,
    );
  }
  return outcome.build();
}

function rowKindsOutcome(rows: readonly Row[]): CheckOutcome {
  const outcome = new OutcomeBuilder();
  const teams = groupBy(rows, 'team_id');
  outcome.add(teams.size === 2 ? undefined : `${teams.size} teams, expected 2`);
  for (const [team, teamRows] of teams) {
    const kinds = teamRows.map((row) => String(row.row_kind)).sort();
    outcome.add(
      kinds.join(',') === 'bench,starters,team' ? undefined : `team ${team}: row kinds ${kinds.join(', ')}`,
    );
  }
  const home = [...teams.values()].filter((teamRows) => teamRows[0]?.is_home === true).length;
  outcome.add(home === 1 || teams.size !== 2 ? undefined : `${home} home teams, expected 1`);
  return outcome.build();
}

/**
 * `box-scores-teams`. The API repeats the starters' `minutes` on the bench row (a known bug,
 * REFERENCE §4.4): `minutes` is kept as given and is well-formed, so `minutes-format` accepts it
 * and does not compare the bench's `minutes_played` with it; the parser sets that to team minus
 * starters, and `starters-plus-bench` checks it. The bug therefore costs no score.
 */
export const BOX_SCORES_TEAMS_CHECKS: readonly CheckDefinition[] = [
  {
    name: 'row-kinds',
    dimension: 'completeness',
    description: "Two teams (one home), each with exactly one 'team', one 'starters' and one 'bench' row.",
    run: (rows) => rowKindsOutcome(rows),
  },
  minutesFormat({
    allowEmpty: false,
    skipPlayed: (row) => row.row_kind === 'bench',
    skipPlayedNote: " (except on 'bench' rows, whose minutes repeat the starters' as the API sends them)",
  }),
  nonNegative(BOX_SCORE_COUNTS),
  madeWithinAttempted(BOX_SCORE_STATS),
  pointsFormula(BOX_SCORE_STATS),
  reboundsSum(BOX_SCORE_STATS),
  {
    name: 'starters-plus-bench',
    dimension: 'consistency',
    description:
      "For each team, starters + bench equals the 'team' row in every counting column and in minutes_played (not in minutes, which the API gets wrong on bench rows).",
    run: (rows) => startersPlusBenchOutcome(rows),
  },
];

/** `box-scores-teams`: boxscoretraditionalv3 team totals and their starters/bench split. */
export const BOX_SCORES_TEAMS_SCHEMA: DatasetSchema<'box-scores-teams'> = {
  dataset: 'box-scores-teams',
  grain: "one row per team per row_kind ('team', 'starters', 'bench'), home team first",
  partitioning: 'game',
  checks: BOX_SCORES_TEAMS_CHECKS,
  plausibleRows: { min: 6, max: 6 },
  columns: [
    ...gameContextColumns('boxScoreTraditional.gameId'),
    ...BOX_SCORE_TEAM_COLUMNS,
    column(
      'row_kind',
      'UTF8',
      false,
      'derived',
      "'team' (from statistics), 'starters' or 'bench' (the starters/bench objects).",
    ),
    column(
      'minutes',
      'UTF8',
      false,
      `${TEAM_TOTALS_ROOT}.minutes`,
      'Player-minutes as given ("265:00"). API bug: on bench rows it repeats the starters value.',
    ),
    column(
      'minutes_played',
      'DOUBLE',
      false,
      'derived',
      'minutes as decimal minutes; on bench rows team minus starters, which corrects the API bug.',
    ),
    ...boxScoreStatisticColumns(TEAM_TOTALS_ROOT),
    column(
      'plus_minus_points',
      'DOUBLE',
      true,
      `${BOX_SCORE_TEAM_ROOT}.statistics.plusMinusPoints`,
      'Team point margin; null on starters and bench rows, where the API omits it.',
    ),
    ...LINEAGE_COLUMNS,
  ],
};
