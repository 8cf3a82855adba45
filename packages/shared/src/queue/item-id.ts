import { assertGameId, isGameId } from '../identity/index.js';
import { REQUEST_NAMES, type RequestName, type SeasonType } from '../nba/index.js';

/** The data of one `nba-requests` job: what to fetch. */
export interface RequestJobData {
  readonly season: string;
  readonly request: RequestName;
  readonly seasonType?: SeasonType;
  readonly gameId?: string;
  /** `YYYY-MM-DD` (US Eastern, as the schedule gives it); decides the `month=` partition. */
  readonly gameDate?: string;
  /** The final score the game log gave when the game was planned: what a final game must show. */
  readonly finalScore?: { readonly home: number; readonly away: number };
  /**
   * A re-fetch of a stored item to catch stat corrections (`planner follow`): its files are
   * rewritten only when the body changed. Its job id is `recheckJobId` of the item's.
   */
  readonly recheck?: boolean;
}

/**
 * Deterministic, colon-free id of an item, used as the BullMQ job id and the state key:
 * `2024-25.box-score.0022400061`, `2024-25.players`. Adding the same item twice adds nothing.
 */
export function itemId(data: Pick<RequestJobData, 'season' | 'request' | 'gameId'>): string {
  if (data.gameId === undefined) return `${data.season}.${data.request}`;
  return `${data.season}.${data.request}.${assertGameId(data.gameId)}`;
}

/** The parts of an item id, or undefined for a string that is not one (of this season, when given). */
export function parseItemId(
  id: string,
  season?: string,
): { readonly season: string; readonly request: RequestName; readonly gameId?: string } | undefined {
  const [itemSeason, request, gameId, ...rest] = id.split('.');
  if (itemSeason === undefined || rest.length > 0 || (season !== undefined && itemSeason !== season))
    return undefined;
  if (!(REQUEST_NAMES as readonly (string | undefined)[]).includes(request)) return undefined;
  if (gameId !== undefined && !isGameId(gameId)) return undefined;
  return {
    season: itemSeason,
    request: request as RequestName,
    ...(gameId === undefined ? {} : { gameId }),
  };
}

/** The job id of an item's re-check (`recheck.` + the item id), so each item has one at a time. */
export function recheckJobId(itemIdValue: string): string {
  return `recheck.${itemIdValue}`;
}
