import type { ColumnSpec, ColumnType } from '../dataset-schema.js';

/** Shorthand for one column; keeps the schema files one line per column. */
export function column(
  name: string,
  type: ColumnType,
  nullable: boolean,
  source: string,
  description: string,
): ColumnSpec {
  return { name, type, nullable, source, description };
}

export const SEASON_COLUMN = column(
  'season',
  'UTF8',
  false,
  'request.season',
  'Season of the request, `YYYY-YY` (e.g. 2024-25).',
);

export const SEASON_TYPE_COLUMN = column(
  'season_type',
  'UTF8',
  false,
  'request.seasonType',
  'Regular Season, PlayIn or Playoffs; from the job, else from the game id type digits (002/005/004).',
);

/**
 * `game_id`, `season`, `season_type`, `game_date`: the opening columns of every per-game dataset.
 * game_id comes from the body (checked against the requested game); per-game bodies carry no date,
 * so game_date comes from the schedule through the job.
 */
export function gameContextColumns(gameIdSource: string): ColumnSpec[] {
  return [
    column(
      'game_id',
      'UTF8',
      false,
      gameIdSource,
      'NBA game id, 10-char string `0TTYYNNNNN` (never a number).',
    ),
    SEASON_COLUMN,
    SEASON_TYPE_COLUMN,
    column(
      'game_date',
      'DATE',
      false,
      'request.gameDate',
      'Game day (US Eastern) as the schedule (leaguegamelog GAME_DATE) gives it; drives the month partition.',
    ),
  ];
}

/** Lineage columns; always the last two columns of every dataset. */
export const LINEAGE_COLUMNS: readonly ColumnSpec[] = [
  column('_source_endpoint', 'UTF8', false, 'derived', 'stats.nba.com endpoint the row was parsed from.'),
  column(
    '_ingested_at',
    'TIMESTAMP_MILLIS',
    false,
    'derived',
    'UTC instant the response was fetched and parsed.',
  ),
];
