import type { CheckDefinition, DatasetSchema } from '../dataset-schema.js';
import { everyRow, OutcomeBuilder, rowLabel } from './checks/check-outcome.js';
import { column, LINEAGE_COLUMNS, SEASON_COLUMN } from './common-columns.js';

const SET = 'CommonAllPlayers';

const YEAR = /^\d{4}$/;

/** `players`: the season's player directory. */
export const PLAYERS_CHECKS: readonly CheckDefinition[] = [
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

/** `players`: commonallplayers (16 headers), one row per player. */
export const PLAYERS_SCHEMA: DatasetSchema<'players'> = {
  dataset: 'players',
  grain: 'one row per player',
  partitioning: 'season',
  checks: PLAYERS_CHECKS,
  plausibleRows: { min: 30, max: 6000 },
  columns: [
    SEASON_COLUMN,
    column('person_id', 'INT64', false, `${SET}.PERSON_ID`, 'Player id.'),
    column(
      'display_last_comma_first',
      'UTF8',
      false,
      `${SET}.DISPLAY_LAST_COMMA_FIRST`,
      'e.g. "da Silva, Tristan".',
    ),
    column('display_first_last', 'UTF8', false, `${SET}.DISPLAY_FIRST_LAST`, 'e.g. "Tristan da Silva".'),
    column('rosterstatus', 'INT32', false, `${SET}.ROSTERSTATUS`, '1 if on a roster this season, else 0.'),
    column(
      'from_year',
      'UTF8',
      false,
      `${SET}.FROM_YEAR`,
      'First season start year, a string as given ("1990").',
    ),
    column('to_year', 'UTF8', false, `${SET}.TO_YEAR`, 'Last season start year, a string as given.'),
    column('playercode', 'UTF8', false, `${SET}.PLAYERCODE`, 'Legacy player code, e.g. tristan_da_silva.'),
    column('player_slug', 'UTF8', false, `${SET}.PLAYER_SLUG`, 'URL slug.'),
    column('team_id', 'INT64', false, `${SET}.TEAM_ID`, 'Current team id; 0 when not on a roster.'),
    column('team_city', 'UTF8', false, `${SET}.TEAM_CITY`, 'Team city; "" when not on a roster.'),
    column('team_name', 'UTF8', false, `${SET}.TEAM_NAME`, 'Team name; "" when not on a roster.'),
    column(
      'team_abbreviation',
      'UTF8',
      false,
      `${SET}.TEAM_ABBREVIATION`,
      'Team tricode; "" when not on a roster.',
    ),
    column('team_code', 'UTF8', false, `${SET}.TEAM_CODE`, 'Team code, e.g. magic; "" when not on a roster.'),
    column('team_slug', 'UTF8', true, `${SET}.TEAM_SLUG`, 'Team slug; null (not "") when not on a roster.'),
    column(
      'games_played_flag',
      'UTF8',
      false,
      `${SET}.GAMES_PLAYED_FLAG`,
      '"Y" if the player has played, else "N".',
    ),
    column(
      'otherleague_experience_ch',
      'UTF8',
      false,
      `${SET}.OTHERLEAGUE_EXPERIENCE_CH`,
      'Other-league experience code as given: "00", "01", "11".',
    ),
    ...LINEAGE_COLUMNS,
  ],
};
