import type { CellValue, ColumnSpec } from '../../bronze/index.js';
import { matchesColumnType } from '../../bronze/index.js';
import { NbaRequestError } from '../errors.js';
import { describeValue, isRecord } from './json-shape.js';

/** Where a value sits, for error messages; a function when building it per row would cost. */
export type Where = string | (() => string);

/**
 * Converts one API value to a cell of its column's type. Values are taken as given, never
 * coerced (a string id stays a string): a value of another type is a `parse` error.
 */
export function readApiCell(value: unknown, spec: ColumnSpec, where: Where): CellValue {
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
    `${typeof where === 'string' ? where : where()}: ${spec.source} expected ${expected}, got ${describeValue(value)}`,
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

/** One column to read: from which root, along which path. */
interface SourcedColumn {
  readonly spec: ColumnSpec;
  readonly root: string;
  readonly path: readonly string[];
}

// Parsers call readSourcedCells once per row (hundreds per game) with the same columns and roots,
// so which column comes from which root is worked out once and kept.
const plans = new WeakMap<readonly ColumnSpec[], Map<string, readonly SourcedColumn[]>>();

function planFor(columns: readonly ColumnSpec[], roots: readonly string[]): readonly SourcedColumn[] {
  let byRoots = plans.get(columns);
  if (byRoots === undefined) {
    byRoots = new Map();
    plans.set(columns, byRoots);
  }
  const key = roots.join('\n');
  let plan = byRoots.get(key);
  if (plan === undefined) {
    const longestFirst = [...roots].sort((a, b) => b.length - a.length);
    plan = columns.flatMap((spec) => {
      const root = longestFirst.find((name) => spec.source.startsWith(`${name}.`));
      return root === undefined ? [] : [{ spec, root, path: spec.source.slice(root.length + 1).split('.') }];
    });
    byRoots.set(key, plan);
  }
  return plan;
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
  where: Where,
): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {};
  for (const { spec, root, path } of planFor(columns, Object.keys(roots))) {
    cells[spec.name] = readApiCell(readPath(roots[root], path), spec, where);
  }
  return cells;
}
