import type { DatasetSchema } from '../dataset-schema.js';
import {
  BOX_SCORE_TEAM_COLUMNS,
  BOX_SCORE_TEAM_ROOT,
  boxScoreStatisticColumns,
  PLAYER_MINUTES_PLAYED_COLUMN,
} from './box-score-columns.js';
import { column, gameContextColumns, LINEAGE_COLUMNS } from './common-columns.js';

const PLAYER = `${BOX_SCORE_TEAM_ROOT}.players[]`;
const STATS = `${PLAYER}.statistics`;

/** `box-scores`: boxscoretraditionalv3 player lines, DNP players included. */
export const BOX_SCORES_SCHEMA: DatasetSchema<'box-scores'> = {
  dataset: 'box-scores',
  grain: 'one row per player listed in the box score (home team first), DNP players included',
  partitioning: 'game',
  plausibleRows: { min: 10, max: 60 },
  columns: [
    ...gameContextColumns('boxScoreTraditional.gameId'),
    ...BOX_SCORE_TEAM_COLUMNS,
    column('person_id', 'INT64', false, `${PLAYER}.personId`, 'Player id.'),
    column('first_name', 'UTF8', false, `${PLAYER}.firstName`, 'First name, UTF-8 (e.g. Nikola).'),
    column('family_name', 'UTF8', false, `${PLAYER}.familyName`, 'Family name, UTF-8 (e.g. Vučević).'),
    column('name_i', 'UTF8', false, `${PLAYER}.nameI`, 'Initial and family name, e.g. "D. Mitchell".'),
    column('player_slug', 'UTF8', false, `${PLAYER}.playerSlug`, 'URL slug.'),
    column(
      'position',
      'UTF8',
      false,
      `${PLAYER}.position`,
      'F, C or G for the five starters; "" for everyone else.',
    ),
    column(
      'starter',
      'BOOLEAN',
      false,
      'derived',
      'position is not "" (the API gives a position to starters only).',
    ),
    column(
      'comment',
      'UTF8',
      false,
      `${PLAYER}.comment`,
      'e.g. "DNP - Coach\'s Decision"; "" for players who played.',
    ),
    column('jersey_num', 'UTF8', false, `${PLAYER}.jerseyNum`, 'Jersey number as given; the API returns "".'),
    column(
      'minutes',
      'UTF8',
      false,
      `${STATS}.minutes`,
      'Minutes as given, "M:SS" (e.g. "49:48"); "" for DNP.',
    ),
    PLAYER_MINUTES_PLAYED_COLUMN,
    ...boxScoreStatisticColumns(STATS),
    column('plus_minus_points', 'DOUBLE', false, `${STATS}.plusMinusPoints`, 'Point margin while on court.'),
    ...LINEAGE_COLUMNS,
  ],
};
