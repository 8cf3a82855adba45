import { everyRow, OutcomeBuilder, rowLabel } from './check-outcome.js';
import { ROWS_PRESENT, requiredFields } from './common-checks.js';
import type { CheckDefinition } from './quality-report.js';

const YEAR = /^\d{4}$/;

/** `players`: the season's player directory. */
export const PLAYERS_CHECKS: readonly CheckDefinition[] = [
  ROWS_PRESENT,
  requiredFields('players'),
  {
    name: 'coded-values',
    dimension: 'validity',
    description: 'rosterstatus is 0 or 1 and games_played_flag "Y" or "N".',
    run: (rows) =>
      everyRow(rows, (row, index) =>
        (row.rosterstatus === 0 || row.rosterstatus === 1) &&
        ['Y', 'N'].includes(row.games_played_flag as string)
          ? undefined
          : `${rowLabel(row, index)}: rosterstatus ${String(row.rosterstatus)}, games_played_flag ${JSON.stringify(row.games_played_flag)}`,
      ),
  },
  {
    name: 'career-years',
    dimension: 'validity',
    description: 'from_year and to_year are four-digit years and from_year <= to_year.',
    run: (rows) =>
      everyRow(rows, (row, index) => {
        const from = String(row.from_year);
        const to = String(row.to_year);
        return YEAR.test(from) && YEAR.test(to) && from <= to
          ? undefined
          : `${rowLabel(row, index)}: from_year ${JSON.stringify(row.from_year)}, to_year ${JSON.stringify(row.to_year)}`;
      }),
  },
  {
    name: 'unique-person-id',
    dimension: 'consistency',
    description: 'person_id is unique.',
    run: (rows) => {
      const outcome = new OutcomeBuilder();
      const seen = new Set<unknown>();
      rows.forEach((row, index) => {
        outcome.add(seen.has(row.person_id) ? `${rowLabel(row, index)}: person_id repeated` : undefined);
        seen.add(row.person_id);
      });
      return outcome.build();
    },
  },
];
