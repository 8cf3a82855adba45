import { boxScoreAdvancedV3 } from './box-score-advanced-v3.js';
import { boxScoreTraditionalV3 } from './box-score-traditional-v3.js';
import { commonAllPlayers } from './common-all-players.js';
import { leagueGameLog } from './league-game-log.js';
import { playByPlayV2 } from './play-by-play-v2.js';
import { playByPlayV3 } from './play-by-play-v3.js';
import type { Route } from './route.js';

/** Every `/stats/<endpoint>` the simulator serves; anything else is a 404. */
export const ROUTES: ReadonlyMap<string, Route> = new Map(
  [
    leagueGameLog,
    commonAllPlayers,
    boxScoreTraditionalV3,
    boxScoreAdvancedV3,
    playByPlayV3,
    playByPlayV2,
  ].map((r) => [r.endpoint, r]),
);
