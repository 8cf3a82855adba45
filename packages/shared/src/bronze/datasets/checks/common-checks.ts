import type { CheckDefinition, DatasetSchema, Row } from '../../dataset-schema.js';
import { checkRowsAgainstSchema } from '../check-rows.js';
import { everyRow, numberCell, OutcomeBuilder, rowLabel } from './check-outcome.js';

/** Column names of the shooting and rebound numbers, which differ between datasets. */
export interface StatColumns {
  readonly fgm: string;
  readonly fga: string;
  readonly fg3m: string;
  readonly fg3a: string;
  readonly ftm: string;
  readonly fta: string;
  readonly oreb: string;
  readonly dreb: string;
  readonly reb: string;
  readonly pts: string;
}

/** boxscoretraditionalv3 names (`box-scores`, `box-scores-teams`). */
export const BOX_SCORE_STATS: StatColumns = {
  fgm: 'field_goals_made',
  fga: 'field_goals_attempted',
  fg3m: 'three_pointers_made',
  fg3a: 'three_pointers_attempted',
  ftm: 'free_throws_made',
  fta: 'free_throws_attempted',
  oreb: 'rebounds_offensive',
  dreb: 'rebounds_defensive',
  reb: 'rebounds_total',
  pts: 'points',
};

/** leaguegamelog names (`games`). */
export const GAME_LOG_STATS: StatColumns = {
  fgm: 'fgm',
  fga: 'fga',
  fg3m: 'fg3m',
  fg3a: 'fg3a',
  ftm: 'ftm',
  fta: 'fta',
  oreb: 'oreb',
  dreb: 'dreb',
  reb: 'reb',
  pts: 'pts',
};

/** The counting columns of a box score, in API order. */
export const BOX_SCORE_COUNTS: readonly string[] = [
  'field_goals_made',
  'field_goals_attempted',
  'three_pointers_made',
  'three_pointers_attempted',
  'free_throws_made',
  'free_throws_attempted',
  'rebounds_offensive',
  'rebounds_defensive',
  'rebounds_total',
  'assists',
  'steals',
  'blocks',
  'turnovers',
  'fouls_personal',
  'points',
];

const ROWS_PRESENT: CheckDefinition = {
  name: 'rows-present',
  dimension: 'completeness',
  description: 'There is at least one row.',
  run: (rows) => ({
    checked: 1,
    failures: rows.length === 0 ? 1 : 0,
    examples: rows.length === 0 ? ['no rows'] : [],
  }),
};

/** Every column of the dataset's schema, of its type, and not null where the schema says so. */
function requiredFields(schema: DatasetSchema): CheckDefinition {
  return {
    name: 'required-fields',
    dimension: 'completeness',
    description:
      'Every row has every schema column with a value of its type, and no null where the column is not nullable.',
    run: (rows) => {
      const problems = checkRowsAgainstSchema(rows, schema, {
        maxProblems: Number.POSITIVE_INFINITY,
      });
      const failing = new Set(problems.map((problem) => /^row (\d+)/.exec(problem)?.[1] ?? problem));
      return { checked: rows.length, failures: failing.size, examples: problems.slice(0, 3) };
    },
  };
}

/** Every listed column is null or >= 0. */
export function nonNegative(columns: readonly string[], name = 'non-negative-counts'): CheckDefinition {
  return {
    name,
    dimension: 'validity',
    description: `${columns.join(', ')} are never negative.`,
    run: (rows) =>
      everyRow(rows, (row, index) => {
        const bad = columns.filter((column) => (numberCell(row, column) ?? 0) < 0);
        return bad.length === 0
          ? undefined
          : `${rowLabel(row, index)}: ${bad.map((c) => `${c} ${String(row[c])}`).join(', ')}`;
      }),
  };
}

/** Made never exceeds attempted, and three-pointers are part of the field goals. */
export function madeWithinAttempted(stats: StatColumns): CheckDefinition {
  const pairs = [
    [stats.fgm, stats.fga],
    [stats.fg3m, stats.fg3a],
    [stats.ftm, stats.fta],
    [stats.fg3m, stats.fgm],
    [stats.fg3a, stats.fga],
  ] as const;
  return {
    name: 'made-within-attempted',
    dimension: 'validity',
    description: `${pairs.map(([a, b]) => `${a} <= ${b}`).join(', ')}.`,
    run: (rows) =>
      everyRow(rows, (row, index) => {
        const bad = pairs.filter(([a, b]) => (numberCell(row, a) ?? 0) > (numberCell(row, b) ?? 0));
        return bad.length === 0
          ? undefined
          : `${rowLabel(row, index)}: ${bad.map(([a, b]) => `${a} ${String(row[a])} > ${b} ${String(row[b])}`).join(', ')}`;
      }),
  };
}

/** points = 2 * FGM + FG3M + FTM (a three is a field goal worth one more). */
export function pointsFormula(stats: StatColumns): CheckDefinition {
  return {
    name: 'points-formula',
    dimension: 'validity',
    description: `${stats.pts} = 2 * ${stats.fgm} + ${stats.fg3m} + ${stats.ftm}.`,
    run: (rows) =>
      everyRow(rows, (row, index) => {
        const expected =
          2 * (numberCell(row, stats.fgm) ?? 0) +
          (numberCell(row, stats.fg3m) ?? 0) +
          (numberCell(row, stats.ftm) ?? 0);
        const points = numberCell(row, stats.pts);
        return points === expected
          ? undefined
          : `${rowLabel(row, index)}: ${stats.pts} ${String(row[stats.pts])}, expected ${expected}`;
      }),
  };
}

/** Offensive plus defensive rebounds make the total. */
export function reboundsSum(stats: StatColumns): CheckDefinition {
  return {
    name: 'rebounds-sum',
    dimension: 'validity',
    description: `${stats.reb} = ${stats.oreb} + ${stats.dreb}.`,
    run: (rows) =>
      everyRow(rows, (row, index) => {
        const expected = (numberCell(row, stats.oreb) ?? 0) + (numberCell(row, stats.dreb) ?? 0);
        return numberCell(row, stats.reb) === expected
          ? undefined
          : `${rowLabel(row, index)}: ${stats.reb} ${String(row[stats.reb])}, expected ${expected}`;
      }),
  };
}

/**
 * Exactly two teams, one home and one away, each with at least `minRows` rows of `rowFilter`;
 * for box scores of a finished game.
 */
export function twoTeams(options: {
  readonly minRows: number;
  readonly description: string;
  readonly rowFilter?: (row: Row) => boolean;
}): CheckDefinition {
  return {
    name: 'two-teams',
    dimension: 'completeness',
    description: options.description,
    run: (rows) => {
      const outcome = new OutcomeBuilder();
      const kept = options.rowFilter === undefined ? rows : rows.filter(options.rowFilter);
      const teams = new Map<string, Row[]>();
      for (const row of kept) {
        const team = `${String(row.team_id)}/${row.is_home === true ? 'home' : 'away'}`;
        teams.set(team, [...(teams.get(team) ?? []), row]);
      }
      const sides = [...teams.keys()].map((team) => team.split('/')[1]).sort();
      outcome.add(
        sides.join(',') === 'away,home' ? undefined : `teams ${[...teams.keys()].join(', ') || 'none'}`,
      );
      for (const [team, teamRows] of teams) {
        outcome.add(
          teamRows.length >= options.minRows
            ? undefined
            : `team ${team}: ${teamRows.length} rows, expected at least ${options.minRows}`,
        );
      }
      return outcome.build();
    },
  };
}

/** Every check of a dataset: `rows-present` and `required-fields`, which all have, then its own. */
export function checksOf(schema: DatasetSchema): readonly CheckDefinition[] {
  return [ROWS_PRESENT, requiredFields(schema), ...schema.checks];
}
