import type { RequestName, SeasonType } from '../nba/index.js';

const GAME_ID = /^\d{10}$/;

/** The data of one `nba-requests` job: what to fetch. */
export interface RequestJobData {
  readonly season: string;
  readonly request: RequestName;
  readonly seasonType?: SeasonType;
  readonly gameId?: string;
  /** `YYYY-MM-DD` (US Eastern, as the schedule gives it); decides the `month=` partition. */
  readonly gameDate?: string;
}

/**
 * Deterministic, colon-free id of an item, used as the BullMQ job id and the state key:
 * `2024-25.box-score.0022400061`, `2024-25.players`. Adding the same item twice adds nothing.
 */
export function itemId(data: Pick<RequestJobData, 'season' | 'request' | 'gameId'>): string {
  if (data.gameId === undefined) return `${data.season}.${data.request}`;
  if (!GAME_ID.test(data.gameId))
    throw new Error(`game id: expected 10 digits, got ${JSON.stringify(data.gameId)}`);
  return `${data.season}.${data.request}.${data.gameId}`;
}

export function isGameId(value: string): boolean {
  return GAME_ID.test(value);
}
