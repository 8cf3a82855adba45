import type { ScheduledGame } from '../season/game-types.js';
import { DEFAULT_SEASON, type SeasonSlice } from '../season/season.js';
import { ServedSeasons } from '../served-seasons.js';
import { SimState } from '../sim-state.js';
import type { QueryParams, RouteContext } from './route.js';

export interface TestRouteContext extends RouteContext {
  /** The first season's listed games (as the server's `sim.listedGames`). */
  readonly listedGames: readonly ScheduledGame[];
  /** Moves `today` and books corrections, as the control routes do. */
  readonly state: SimState;
}

export interface TestContextOptions {
  readonly seasons?: readonly string[];
  readonly today?: string;
  readonly corrections?: readonly string[];
}

/** A route context over fresh seasons, as the server builds it; for route unit tests. */
export function createRouteContext(
  seed = 1,
  slice: SeasonSlice = {},
  options: TestContextOptions = {},
): TestRouteContext {
  const state = new SimState(options.today, options.corrections);
  const seasons = new ServedSeasons(
    { seed, seasons: options.seasons ?? [DEFAULT_SEASON], slice, serveUnlistedGames: true },
    state,
  );
  return {
    season: (name) => seasons.season(name),
    firstSeason: seasons.firstSeason,
    lookupGame: (gameId) => seasons.lookupGame(gameId),
    get listedGames() {
      return seasons.firstSeason.listedGames();
    },
    state,
  };
}

/** Parses a query string the way the server does (`Key=` means not set). */
export function queryOf(search: string): QueryParams {
  const params = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(search)) if (v !== '') params.set(k, v);
  return params;
}
