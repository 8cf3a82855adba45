import type { DatasetName } from '../bronze/index.js';

/**
 * Row counts a file of each dataset can plausibly have: per game for per-game datasets (a real
 * game has 11-18 listed players per team and about 450-650 actions, overtimes more), per
 * season for `players`. `games` files have an exact count instead: two rows per scheduled game.
 */
export const PLAUSIBLE_ROWS: Readonly<
  Record<Exclude<DatasetName, 'games'>, { readonly min: number; readonly max: number }>
> = {
  players: { min: 30, max: 6000 },
  'box-scores': { min: 10, max: 60 },
  'box-scores-teams': { min: 6, max: 6 },
  'play-by-play': { min: 150, max: 1500 },
  'box-scores-advanced': { min: 12, max: 62 },
};

/** Why a file's row count is not plausible, or undefined when it is. */
export function implausibleRowCount(
  dataset: DatasetName,
  rows: number,
  expected?: number,
): string | undefined {
  if (dataset === 'games') {
    if (expected === undefined || rows === expected) return undefined;
    return `${rows} rows, expected ${expected} (two per scheduled game)`;
  }
  const range = PLAUSIBLE_ROWS[dataset];
  if (rows >= range.min && rows <= range.max) return undefined;
  return `${rows} rows, expected ${range.min === range.max ? range.min : `${range.min}..${range.max}`}`;
}
