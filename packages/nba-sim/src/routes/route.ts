import type { SimulatedGame } from '../season/game-simulation.js';
import type { GameTotals } from '../season/game-store.js';
import type { ScheduledGame } from '../season/game-types.js';
import type { Season } from '../season/season.js';

/** Query parameters as sent, case-sensitive; `Key=` (empty) is left out because it means "not set". */
export type QueryParams = ReadonlyMap<string, string>;

/** A game a per-game endpoint answers for, as it stands on the simulator's `today`. */
export interface PlayedGame {
  readonly game: ScheduledGame;
  /** Whole when final, cut part way when live (played today); stat corrections applied. */
  readonly sim: SimulatedGame;
}

/** One served season as the routes see it, as of `today`. */
export interface SeasonView {
  readonly season: Season;
  /** What the game logs list: the slice's games that have started by `today`, in date order. */
  listedGames(): readonly ScheduledGame[];
  /** A listed game as it stands (see `PlayedGame.sim`). */
  play(game: ScheduledGame): SimulatedGame;
  /** The team totals of `play(game)`, memoized. */
  totalsOf(game: ScheduledGame): GameTotals;
  /** A game being played today: its game-log rows have WL null. */
  isLive(game: ScheduledGame): boolean;
}

export interface RouteContext {
  /** The served season called `name` (a `Season=` value), or undefined when it is not served. */
  season(name: string): SeasonView | undefined;
  /** The first served season: its historical directory also answers for seasons not served. */
  readonly firstSeason: SeasonView;
  /**
   * The game a per-game endpoint answers for, or undefined (answered like an unknown game): no
   * such game in a served season, unlisted with `serveUnlistedGames: false`, or not started by `today`.
   */
  lookupGame(gameId: string): PlayedGame | undefined;
}

export interface RouteResult {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface Route {
  readonly endpoint: string;
  /** Real `x-full-ttl` / `x-datasource` headers of this endpoint (REFERENCE §1.4). */
  readonly fullTtl: string;
  readonly dataSource: 'S3' | 'Databricks';
  /** Parameters the answer depends on; the response cache keys on these only. */
  readonly keyParams: readonly string[];
  handle(query: QueryParams, ctx: RouteContext): RouteResult;
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function jsonResult(body: string): RouteResult {
  return { status: 200, contentType: JSON_CONTENT_TYPE, body };
}

/** The API's validation errors: HTTP 400, plain text, several messages joined by `;`. */
export function badRequest(messages: readonly string[]): RouteResult {
  return { status: 400, contentType: 'text/plain; charset=utf-8', body: messages.join(';') };
}
