import type { EndpointDefinition } from './endpoint.js';
import { BOX_SCORE_ADVANCED_V3 } from './endpoints/box-score-advanced-v3.js';
import { BOX_SCORE_TRADITIONAL_V3 } from './endpoints/box-score-traditional-v3.js';
import { COMMON_ALL_PLAYERS } from './endpoints/common-all-players.js';
import { LEAGUE_GAME_LOG } from './endpoints/league-game-log.js';
import { PLAY_BY_PLAY_V3 } from './endpoints/play-by-play-v3.js';

/**
 * The endpoint catalogue (DESIGN §3): every NBA request, once, with what it is about (`scope`:
 * a season type, a season, or one game) and whether a default run makes it. The request names,
 * the per-game requests (the ENDPOINTS setting), the defaults and the table the worker and
 * planner dispatch through all derive from it. Adding an endpoint is its definition file (in
 * `endpoints/`), its dataset schemas (bronze's catalogue) and one line here.
 */
const CATALOGUE = [
  { definition: LEAGUE_GAME_LOG, scope: 'season-type', byDefault: true },
  { definition: COMMON_ALL_PLAYERS, scope: 'season', byDefault: true },
  { definition: BOX_SCORE_TRADITIONAL_V3, scope: 'game', byDefault: true },
  { definition: PLAY_BY_PLAY_V3, scope: 'game', byDefault: true },
  { definition: BOX_SCORE_ADVANCED_V3, scope: 'game', byDefault: false },
] as const;
type Entry = (typeof CATALOGUE)[number];

/** Our name for each kind of NBA request; used in job ids, `_raw/<request>/` keys and logs. */
export type RequestName = Entry['definition']['request'];
export const REQUEST_NAMES: readonly RequestName[] = CATALOGUE.map((entry) => entry.definition.request);

/** Per-game requests (the ENDPOINTS setting chooses among these). */
export type GameRequestName = Extract<Entry, { scope: 'game' }>['definition']['request'];
const perGame = (entry: Entry): entry is Extract<Entry, { scope: 'game' }> => entry.scope === 'game';
export const GAME_REQUEST_NAMES: readonly GameRequestName[] = CATALOGUE.filter(perGame).map(
  (entry) => entry.definition.request,
);

/** The per-game requests of a default run (ENDPOINTS unset); the others are opt-in. */
export const DEFAULT_GAME_REQUEST_NAMES: readonly GameRequestName[] = CATALOGUE.filter(perGame)
  .filter((entry) => entry.byDefault)
  .map((entry) => entry.definition.request);

/** The definition behind each request name. */
export const ENDPOINTS = Object.fromEntries(
  CATALOGUE.map((entry) => [entry.definition.request, entry.definition]),
) as Readonly<Record<RequestName, EndpointDefinition<RequestName>>>;

/** The definition behind a request name. */
export function endpointFor(request: RequestName): EndpointDefinition<RequestName> {
  return ENDPOINTS[request];
}
