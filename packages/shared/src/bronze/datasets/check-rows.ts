import type { CellValue, ColumnSpec, ColumnType, DatasetSchema, Row } from '../dataset-schema.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Options for {@link checkRowsAgainstSchema}. */
export interface CheckRowsOptions {
  /**
   * Stop after this many problems, so a bad dataset of 100k rows yields a readable list.
   * @defaultValue 20
   */
  readonly maxProblems?: number;
}

/** A calendar-valid `YYYY-MM-DD` (rejects 2024-02-30, which a regex alone accepts). */
export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 0) - 1, d ?? 0));
  return date.getUTCFullYear() === y && date.getUTCMonth() + 1 === m && date.getUTCDate() === d;
}

/** Whether a non-null value can be written as a column of this type. */
export function matchesColumnType(value: Exclude<CellValue, null>, type: ColumnType): boolean {
  switch (type) {
    case 'UTF8':
      return typeof value === 'string';
    case 'INT32':
      return Number.isInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX;
    case 'INT64':
      return Number.isSafeInteger(value);
    case 'DOUBLE':
      return typeof value === 'number' && Number.isFinite(value);
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'TIMESTAMP_MILLIS':
      return value instanceof Date && !Number.isNaN(value.getTime());
    case 'DATE':
      return typeof value === 'string' && isIsoDate(value);
  }
}

function describe(value: unknown): string {
  if (value instanceof Date)
    return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  return `${JSON.stringify(value)} (${typeof value})`;
}

function checkCell(row: Row, index: number, spec: ColumnSpec): string | undefined {
  if (!Object.hasOwn(row, spec.name)) return `row ${index}: missing column ${spec.name}`;
  const value = row[spec.name];
  if (value === null || value === undefined) {
    return spec.nullable ? undefined : `row ${index}: ${spec.name} is null but the column is not nullable`;
  }
  if (matchesColumnType(value, spec.type)) return undefined;
  return `row ${index}: ${spec.name} expected ${spec.type}, got ${describe(value)}`;
}

/**
 * Checks rows against a schema: exactly the schema's column names, no null in a non-nullable
 * column, and every value of its column's type. Returns the problems found (empty when the rows
 * are writable); the Parquet writer refuses rows with problems.
 */
export function checkRowsAgainstSchema(
  rows: readonly Row[],
  schema: DatasetSchema,
  options: CheckRowsOptions = {},
): string[] {
  const maxProblems = options.maxProblems ?? 20;
  const known = new Set(schema.columns.map((spec) => spec.name));
  const problems: string[] = [];
  for (const [index, row] of rows.entries()) {
    for (const name of Object.keys(row)) {
      if (!known.has(name)) problems.push(`row ${index}: unknown column ${name}`);
    }
    for (const spec of schema.columns) {
      const problem = checkCell(row, index, spec);
      if (problem !== undefined) problems.push(problem);
    }
    if (problems.length >= maxProblems) return problems.slice(0, maxProblems);
  }
  return problems;
}
