import { GameStore } from '../season/game-store.js';
import { buildSeason, type SeasonSlice, selectGames } from '../season/season.js';
import type { QueryParams, RouteContext } from './route.js';

/** A route context over a fresh season, as the server builds it; for route unit tests. */
export function createRouteContext(seed = 1, slice: SeasonSlice = {}): RouteContext {
  const season = buildSeason({ seed });
  return {
    season,
    store: new GameStore(season),
    listedGames: selectGames(season, slice),
    lookupGame: (gameId) => season.gameById.get(gameId),
  };
}

/** Parses a query string the way the server does (`Key=` means not set). */
export function queryOf(search: string): QueryParams {
  const params = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(search)) if (v !== '') params.set(k, v);
  return params;
}
