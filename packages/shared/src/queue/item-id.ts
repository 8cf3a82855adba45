import { assertGameId, isGameId, isSeason } from '../identity/index.js';
import {
  GAME_REQUEST_NAMES,
  REQUEST_NAMES,
  type RequestName,
  SEASON_TYPES,
  type SeasonType,
} from '../nba/index.js';

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Why a job's data (and its id) is not one the planner makes, or undefined when it is: the same
 * rules as planning (season, season type, game id, request name, game date), and the job id must
 * be the item's (or its re-check's). Checked at the worker's entry, before any NBA request, so a
 * job added by hand (bull-board, a script) cannot reach the API or overwrite another item's files.
 */
export function jobDataProblem(jobId: string | undefined, data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null)
    return `job data must be an object, got ${JSON.stringify(data)}`;
  const job = data as Record<string, unknown>;
  if (!isSeason(job.season))
    return `season: expected YYYY-YY (e.g. 2024-25), got ${JSON.stringify(job.season)}`;
  if (!(REQUEST_NAMES as readonly unknown[]).includes(job.request) || job.request === 'schedule')
    return `request: expected one of ${REQUEST_NAMES.filter((name) => name !== 'schedule').join(', ')}, got ${JSON.stringify(job.request)}`;
  const perGame = (GAME_REQUEST_NAMES as readonly unknown[]).includes(job.request);
  if (perGame) {
    if (!isGameId(job.gameId))
      return `gameId: expected 10 digits (e.g. 0022400061), got ${JSON.stringify(job.gameId)}`;
    if (!(SEASON_TYPES as readonly unknown[]).includes(job.seasonType))
      return `seasonType: expected one of ${SEASON_TYPES.join(', ')}, got ${JSON.stringify(job.seasonType)}`;
    if (typeof job.gameDate !== 'string' || !ISO_DATE.test(job.gameDate))
      return `gameDate: expected YYYY-MM-DD, got ${JSON.stringify(job.gameDate)}`;
  } else if (job.gameId !== undefined) {
    return `gameId: ${String(job.request)} is not a per-game request, got ${JSON.stringify(job.gameId)}`;
  }
  const itemData = job as unknown as RequestJobData;
  const expected = job.recheck === true ? recheckJobId(itemId(itemData)) : itemId(itemData);
  if (jobId !== expected) return `job id: expected ${expected} for this data, got ${JSON.stringify(jobId)}`;
  return undefined;
}
