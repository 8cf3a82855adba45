import { DATASET_SCHEMAS, type DatasetName } from '../bronze/index.js';

/**
 * Why a file's row count is not plausible, or undefined when it is: against its schema's
 * `plausibleRows` (per game for per-game datasets: a real game has 11-18 listed players per team
 * and about 450-650 actions, overtimes more; per season for `players`), or for `games` files,
 * which have an exact count instead, against `expected` (two rows per scheduled game).
 */
export function implausibleRowCount(
  dataset: DatasetName,
  rows: number,
  expected?: number,
): string | undefined {
  const range = DATASET_SCHEMAS[dataset].plausibleRows;
  if (range === undefined) {
    if (expected === undefined || rows === expected) return undefined;
    return `${rows} rows, expected ${expected} (two per scheduled game)`;
  }
  if (rows >= range.min && rows <= range.max) return undefined;
  return `${rows} rows, expected ${range.min === range.max ? range.min : `${range.min}..${range.max}`}`;
}
