import type { GameRequestName, ScheduledGame } from '../nba/index.js';
import { itemId, type RequestJobData } from '../queue/index.js';

/** One job the season needs. */
export interface PlannedItem {
  readonly id: string;
  readonly data: RequestJobData;
}

/** A game to plan, with the final score its game log rows gave, when they did. */
export interface PlannedGame extends ScheduledGame {
  readonly finalScore?: { readonly home: number; readonly away: number };
}

/**
 * Every item of a season in the order they should run: the players directory first, then each
 * game (by date) with each per-game endpoint. Pure; whether an item is already done is decided
 * by the caller.
 */
export function planSeasonItems(
  season: string,
  games: readonly PlannedGame[],
  endpoints: readonly GameRequestName[],
): PlannedItem[] {
  const items: PlannedItem[] = [
    { id: itemId({ season, request: 'players' }), data: { season, request: 'players' } },
  ];
  for (const game of games) {
    for (const request of endpoints) {
      const data: RequestJobData = {
        season,
        request,
        seasonType: game.seasonType,
        gameId: game.gameId,
        gameDate: game.gameDate,
        ...(game.finalScore === undefined ? {} : { finalScore: game.finalScore }),
      };
      items.push({ id: itemId(data), data });
    }
  }
  return items;
}
