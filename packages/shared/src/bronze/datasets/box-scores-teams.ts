import type { DatasetSchema } from '../dataset-schema.js';
import {
  BOX_SCORE_TEAM_COLUMNS,
  BOX_SCORE_TEAM_ROOT,
  boxScoreStatisticColumns,
} from './box-score-columns.js';
import { column, gameContextColumns, LINEAGE_COLUMNS } from './common-columns.js';

/** Source root of the stats of one team row: `statistics`, `starters` or `bench` by row_kind. */
export const TEAM_TOTALS_ROOT = `${BOX_SCORE_TEAM_ROOT}.statistics|starters|bench`;

/** Values of `row_kind`, in the order rows are emitted per team. */
export const TEAM_ROW_KINDS = ['team', 'starters', 'bench'] as const;
export type TeamRowKind = (typeof TEAM_ROW_KINDS)[number];

/** `box-scores-teams`: boxscoretraditionalv3 team totals and their starters/bench split. */
export const BOX_SCORES_TEAMS_SCHEMA: DatasetSchema<'box-scores-teams'> = {
  dataset: 'box-scores-teams',
  grain: "one row per team per row_kind ('team', 'starters', 'bench'), home team first",
  partitioning: 'game',
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
