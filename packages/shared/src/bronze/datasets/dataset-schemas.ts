import type { DatasetName, DatasetSchema } from '../dataset-schema.js';
import { BOX_SCORES_SCHEMA } from './box-scores.js';
import { BOX_SCORES_ADVANCED_SCHEMA } from './box-scores-advanced.js';
import { BOX_SCORES_TEAMS_SCHEMA } from './box-scores-teams.js';
import { GAMES_SCHEMA } from './games.js';
import { PLAY_BY_PLAY_SCHEMA } from './play-by-play.js';
import { PLAYERS_SCHEMA } from './players.js';

/** The schema of every Bronze dataset; the Parquet writer looks schemas up here by name. */
export const DATASET_SCHEMAS: Readonly<Record<DatasetName, DatasetSchema>> = {
  games: GAMES_SCHEMA,
  players: PLAYERS_SCHEMA,
  'box-scores': BOX_SCORES_SCHEMA,
  'box-scores-teams': BOX_SCORES_TEAMS_SCHEMA,
  'play-by-play': PLAY_BY_PLAY_SCHEMA,
  'box-scores-advanced': BOX_SCORES_ADVANCED_SCHEMA,
};
