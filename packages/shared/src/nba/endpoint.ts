import type { DatasetName, Row } from '../bronze/index.js';

export const SEASON_TYPES = ['Regular Season', 'PlayIn', 'Playoffs'] as const;
export type SeasonType = (typeof SEASON_TYPES)[number];

/** What a request is about: a season (and season type for the schedule) or one game. */
export interface RequestTarget {
  readonly season: string;
  readonly seasonType?: SeasonType;
  readonly gameId?: string;
  /** `YYYY-MM-DD`, the game's date as the schedule gives it (US Eastern). */
  readonly gameDate?: string;
  /** The schedule only: games from this day on (`YYYY-MM-DD`); the whole season when absent. */
  readonly dateFrom?: string | undefined;
}

/** Everything a parser needs besides the body; parsers are pure, so the clock comes in here. */
export interface ParseContext extends RequestTarget {
  readonly ingestedAt: Date;
}

/** Rows per dataset that one response produces. */
export type ParsedRows = Partial<Record<DatasetName, Row[]>>;

/** `Name` is the request's own name (a literal in its file; `RequestName` in the catalogue). */
export interface EndpointDefinition<Name extends string = string> {
  /** Our name for the request; used in job ids, `_raw/<request>/` keys and logs. */
  readonly request: Name;
  /** The stats.nba.com path segment, e.g. `boxscoretraditionalv3`. */
  readonly endpoint: string;
  /** Every query parameter the endpoint knows, as nba_api sends them (empty ones as ""). */
  params(target: RequestTarget): Record<string, string>;
  /**
   * Turns the decoded JSON body into rows. Throws NbaRequestError `parse` when the shape is
   * not the documented one and `empty` when the shape is right but holds no data.
   */
  parse(body: unknown, ctx: ParseContext): ParsedRows;
  readonly datasets: readonly DatasetName[];
}
