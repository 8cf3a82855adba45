import type { Row } from '../bronze/index.js';
import { everyRow, groupBy, numberCell, OutcomeBuilder, rowLabel } from './check-outcome.js';
import { minutesSeconds, nearlyEqual } from './clock-formats.js';
import {
  BOX_SCORE_COUNTS,
  BOX_SCORE_STATS,
  madeWithinAttempted,
  nonNegative,
  pointsFormula,
  ROWS_PRESENT,
  reboundsSum,
  requiredFields,
  twoTeams,
} from './common-checks.js';
import type { CheckDefinition, CheckOutcome } from './quality-report.js';

/**
 * `minutes` is `M:SS` ("" allowed where players did not play) and `minutes_played` is the same
 * time in decimal minutes (null for ""). Rows for which `skipPlayed` is true have their
 * `minutes_played` checked elsewhere.
 */
export function minutesFormat(options: {
  readonly allowEmpty: boolean;
  readonly skipPlayed?: (row: Row) => boolean;
  /** Says which rows `skipPlayed` exempts, for the description. */
  readonly skipPlayedNote?: string;
}): CheckDefinition {
  return {
    name: 'minutes-format',
    dimension: 'validity',
    description: options.allowEmpty
      ? 'minutes is "M:SS" or "" (did not play), and minutes_played is the same time in decimal minutes (null for "").'
      : `minutes is "M:SS" and minutes_played is the same time in decimal minutes${options.skipPlayedNote ?? ''}.`,
    run: (rows) =>
      everyRow(rows, (row, index) => {
        const minutes = row.minutes;
        const played = row.minutes_played;
        if (minutes === '' && options.allowEmpty) {
          return played === null
            ? undefined
            : `${rowLabel(row, index)}: minutes "" but minutes_played ${String(played)}`;
        }
        const seconds = typeof minutes === 'string' ? minutesSeconds(minutes) : undefined;
        if (seconds === undefined)
          return `${rowLabel(row, index)}: minutes ${JSON.stringify(minutes)} is not M:SS`;
        if (options.skipPlayed?.(row) === true) return undefined;
        return typeof played === 'number' && nearlyEqual(played, seconds / 60)
          ? undefined
          : `${rowLabel(row, index)}: minutes_played ${String(played)} for minutes ${minutes}`;
      }),
  };
}

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
  ROWS_PRESENT,
  requiredFields('box-scores'),
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
  ROWS_PRESENT,
  requiredFields('box-scores-teams'),
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
