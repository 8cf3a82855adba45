import type { CellValue } from '../bronze/index.js';
import type { ParsedRows } from '../nba/index.js';

function same(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/**
 * The `dataset.column` names whose values differ between two parses of the same item (a stat
 * correction), row by row in the order the API lists them; lineage columns (`_...`, when it
 * was fetched) are left out. A dataset whose row count changed is named as `dataset (rows a -> b)`.
 * Pure.
 */
export function changedColumns(before: ParsedRows, after: ParsedRows): string[] {
  const changed: string[] = [];
  const datasets = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof ParsedRows>;
  for (const dataset of datasets) {
    const old = before[dataset] ?? [];
    const now = after[dataset] ?? [];
    if (old.length !== now.length) {
      changed.push(`${dataset} (rows ${old.length} -> ${now.length})`);
      continue;
    }
    const columns = new Set<string>();
    old.forEach((row, index) => {
      const other = now[index] ?? {};
      for (const column of new Set([...Object.keys(row), ...Object.keys(other)])) {
        if (!column.startsWith('_') && !same(row[column], other[column])) columns.add(column);
      }
    });
    for (const column of columns) changed.push(`${dataset}.${column}`);
  }
  return changed;
}
