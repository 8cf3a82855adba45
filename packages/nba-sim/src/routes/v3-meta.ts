import { addDays } from '../season/season-calendar.js';
import { hashSeed } from '../season/seeded-random.js';

export interface V3Meta {
  readonly version: 1;
  readonly request: string;
  readonly time: string;
}

/**
 * `meta` of V3 bodies. `time` is when the CDN cached the body: here a fixed moment the day after
 * the game (derived from the id, so bodies stay byte-identical), with the real 4-digit fraction.
 */
export function v3Meta(gameId: string, gameDate: string | undefined, path: string): V3Meta {
  const h = hashSeed(gameId);
  const two = (n: number) => String(n).padStart(2, '0');
  const hh = two(h % 24);
  const mm = two((h >>> 5) % 60);
  const ss = two((h >>> 11) % 60);
  const day = gameDate ? addDays(gameDate, 1) : '2025-08-26';
  return {
    version: 1,
    request: `http://nba.cloud/games/${gameId}/${path}?Format=json`,
    time: `${day}T${hh}:${mm}:${ss}.${mm}${ss}Z`,
  };
}
