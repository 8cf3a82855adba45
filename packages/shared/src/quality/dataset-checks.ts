import type { DatasetName } from '../bronze/index.js';
import { BOX_SCORES_CHECKS, BOX_SCORES_TEAMS_CHECKS } from './box-score-checks.js';
import { BOX_SCORES_ADVANCED_CHECKS } from './box-scores-advanced-checks.js';
import { GAMES_CHECKS } from './games-checks.js';
import { PLAY_BY_PLAY_CHECKS } from './play-by-play-checks.js';
import { PLAYERS_CHECKS } from './players-checks.js';
import type { CheckDefinition } from './quality-report.js';

/** The quality checks of every dataset (DESIGN §7), in the order reports list them. */
export const DATASET_CHECKS: Readonly<Record<DatasetName, readonly CheckDefinition[]>> = {
  games: GAMES_CHECKS,
  players: PLAYERS_CHECKS,
  'box-scores': BOX_SCORES_CHECKS,
  'box-scores-teams': BOX_SCORES_TEAMS_CHECKS,
  'play-by-play': PLAY_BY_PLAY_CHECKS,
  'box-scores-advanced': BOX_SCORES_ADVANCED_CHECKS,
};
