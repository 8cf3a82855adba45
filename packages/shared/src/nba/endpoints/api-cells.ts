import { matchesColumnType } from '../../bronze/datasets/check-rows.js';
import type { CellValue, ColumnSpec } from '../../bronze/index.js';
import { NbaRequestError } from '../errors.js';
import { describeValue, isRecord } from './json-shape.js';

/**
 * Converts one API value to a cell of its column's type. Values are taken as given, never
 * coerced (a string id stays a string): a value of another type is a `parse` error.
 */
export function readApiCell(value: unknown, spec: ColumnSpec, where: string): CellValue {
  if (value === null && spec.nullable) return null;
  if (
    (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
    matchesColumnType(value, spec.type)
  ) {
    return value;
  }
  const expected = `${spec.type}${spec.nullable ? ' or null' : ''}`;
  throw new NbaRequestError(
    'parse',
    `${where}: ${spec.source} expected ${expected}, got ${describeValue(value)}`,
  );
}

function readPath(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path) {
    if (!isRecord(value)) return undefined;
    value = value[key];
  }
  return value;
}

/**
 * Reads every column whose `source` starts with one of the given roots (`<root>.<path>`),
 * following the dotted path into that root's object. Columns from other sources (derived,
 * request) are left to the caller. The longest matching root wins, so nested roots such as
 * `game` and `game.actions[]` can be given together.
 */
export function readSourcedCells(
  columns: readonly ColumnSpec[],
  roots: Readonly<Record<string, unknown>>,
  where: string,
): Record<string, CellValue> {
  const rootNames = Object.keys(roots).sort((a, b) => b.length - a.length);
  const cells: Record<string, CellValue> = {};
  for (const spec of columns) {
    const root = rootNames.find((name) => spec.source.startsWith(`${name}.`));
    if (root === undefined) continue;
    const path = spec.source.slice(root.length + 1).split('.');
    cells[spec.name] = readApiCell(readPath(roots[root], path), spec, where);
  }
  return cells;
}
