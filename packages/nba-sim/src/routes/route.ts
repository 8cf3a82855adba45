import type { GameStore } from '../season/game-store.js';
import type { ScheduledGame } from '../season/game-types.js';
import type { Season } from '../season/season.js';

/** Query parameters as sent, case-sensitive; `Key=` (empty) is left out because it means "not set". */
export type QueryParams = ReadonlyMap<string, string>;

export interface RouteContext {
  readonly season: Season;
  readonly store: GameStore;
  /** The games of the slice, in date order: what the game logs list. */
  readonly listedGames: readonly ScheduledGame[];
  /** The game a per-game endpoint answers for, or undefined for a game that does not exist. */
  lookupGame(gameId: string): ScheduledGame | undefined;
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
