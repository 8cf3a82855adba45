import type { EndpointDefinition, RequestName } from './endpoint.js';
import { BOX_SCORE_ADVANCED_V3 } from './endpoints/box-score-advanced-v3.js';
import { BOX_SCORE_TRADITIONAL_V3 } from './endpoints/box-score-traditional-v3.js';
import { COMMON_ALL_PLAYERS } from './endpoints/common-all-players.js';
import { LEAGUE_GAME_LOG } from './endpoints/league-game-log.js';
import { PLAY_BY_PLAY_V3 } from './endpoints/play-by-play-v3.js';

/**
 * The endpoint registry: the single table from request name to its endpoint, parameters,
 * parser and output datasets. The worker and planner dispatch through it. Adding an endpoint
 * (say `boxscoreadvancedv3`) is one new `EndpointDefinition` file, its dataset schemas in
 * `bronze/datasets/`, and one entry here; see DESIGN §3.
 */
export const ENDPOINTS: Readonly<Record<RequestName, EndpointDefinition>> = {
  schedule: LEAGUE_GAME_LOG,
  players: COMMON_ALL_PLAYERS,
  'box-score': BOX_SCORE_TRADITIONAL_V3,
  'play-by-play': PLAY_BY_PLAY_V3,
  'box-score-advanced': BOX_SCORE_ADVANCED_V3,
};

/** The definition behind a request name. */
export function endpointFor(request: RequestName): EndpointDefinition {
  return ENDPOINTS[request];
}
