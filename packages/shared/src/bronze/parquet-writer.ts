/// <reference path="../types/parquetjs-lite.d.ts" />
/**
 * Rows → the bytes of one SNAPPY-compressed Parquet file, typed by the dataset schema alone.
 *
 * parquetjs-lite's `appendRow` shreds each row into fresh arrays and Sets per column, which is
 * where its time goes. Our schemas are flat, so this module validates and converts the rows
 * column by column into the writer's own `rowBuffer` shape (what `shredRecord` would have built)
 * and lets `close()` encode it: one row group, one data page (v1) per column.
 * @see DESIGN §4
 */
import parquet, {
  type ParquetFieldOptions,
  type ParquetFieldType,
  type ShreddedColumn,
} from 'parquetjs-lite';
import type { CellValue, ColumnSpec, ColumnType, DatasetSchema, Row } from './dataset-schema.js';
import { ParquetRowError } from './errors.js';

type Primitive = string | number | boolean;

interface ColumnCodec {
  /** Shown in error messages after "expected". */
  readonly expected: string;
  /** The primitive parquetjs-lite encodes, or undefined when the value has the wrong type. */
  readonly toPrimitive: (value: CellValue) => Primitive | undefined;
  /** Whether statistics need native `Date`s (parquetjs-lite re-converts min/max through them). */
  readonly statsAsDates: 'days' | 'millis' | undefined;
}

const MILLIS_PER_DAY = 86_400_000;
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

const PARQUET_TYPES: Readonly<Record<ColumnType, ParquetFieldType>> = {
  UTF8: 'UTF8',
  INT32: 'INT32',
  INT64: 'INT64',
  DOUBLE: 'DOUBLE',
  BOOLEAN: 'BOOLEAN',
  TIMESTAMP_MILLIS: 'TIMESTAMP_MILLIS',
  DATE: 'DATE',
};

const CODECS: Readonly<Record<ColumnType, ColumnCodec>> = {
  // parquetjs-lite's BYTE_ARRAY encoder calls Buffer.from(value), which is UTF-8 for strings.
  UTF8: {
    expected: 'a string',
    toPrimitive: (v) => (typeof v === 'string' ? v : undefined),
    statsAsDates: undefined,
  },
  INT32: {
    expected: `an integer from ${INT32_MIN} to ${INT32_MAX}`,
    toPrimitive: (v) =>
      Number.isInteger(v) && (v as number) >= INT32_MIN && (v as number) <= INT32_MAX
        ? (v as number)
        : undefined,
    statsAsDates: undefined,
  },
  // Numbers are exact only up to 2^53, and the encoder goes through BigInt(number).
  INT64: {
    expected: 'a safe integer (|n| <= 2^53 - 1)',
    toPrimitive: (v) => (Number.isSafeInteger(v) ? (v as number) : undefined),
    statsAsDates: undefined,
  },
  DOUBLE: {
    expected: 'a finite number',
    toPrimitive: (v) => (Number.isFinite(v) ? (v as number) : undefined),
    statsAsDates: undefined,
  },
  BOOLEAN: {
    expected: 'a boolean',
    toPrimitive: (v) => (typeof v === 'boolean' ? v : undefined),
    statsAsDates: undefined,
  },
  TIMESTAMP_MILLIS: {
    expected: 'a valid Date',
    toPrimitive: (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.getTime() : undefined),
    statsAsDates: 'millis',
  },
  DATE: {
    expected: 'a "YYYY-MM-DD" string with a real calendar date',
    toPrimitive: (v) => (typeof v === 'string' ? daysSinceEpoch(v) : undefined),
    statsAsDates: 'days',
  },
};

/**
 * Encodes `rows` as one Parquet file: SNAPPY, columns in schema order, nullable columns
 * OPTIONAL and the others REQUIRED, one row group. Rows are checked first: a missing, unknown or
 * wrongly typed value, or a null in a non-nullable column, throws a `ParquetRowError` naming the
 * dataset, row index, column and value, and nothing is written. Zero rows give a valid file
 * holding only the schema.
 *
 * Mapping: `DATE` strings become days since 1970-01-01 (INT32, DATE); `TIMESTAMP_MILLIS` Dates
 * become epoch milliseconds (INT64, TIMESTAMP_MILLIS, which readers treat as UTC).
 */
export async function writeParquet(schema: DatasetSchema, rows: readonly Row[]): Promise<Buffer> {
  checkRowKeys(schema, rows);
  const fields: Record<string, ParquetFieldOptions> = {};
  for (const column of schema.columns) {
    fields[column.name] = {
      type: PARQUET_TYPES[column.type],
      optional: column.nullable,
      compression: 'SNAPPY',
    };
  }
  const parquetSchema = new parquet.ParquetSchema(fields);
  const columnData: Record<string, ShreddedColumn> = {};
  const pages: Record<string, unknown[]> = {};
  // REQUIRED columns have no definition levels on disk; only the array's length is read.
  const requiredLevels: number[] = new Array<number>(rows.length).fill(0);
  for (const column of schema.columns) {
    columnData[column.name] = shredColumn(schema.dataset, column, rows, requiredLevels);
    pages[column.name] = [];
  }

  const chunks: Buffer[] = [];
  const options = { useDataPageV2: false, pageIndex: false };
  const envelope = new parquet.ParquetEnvelopeWriter(
    parquetSchema,
    (chunk) => {
      chunks.push(chunk);
    },
    () => {},
    0,
    options,
  );
  const writer = new parquet.ParquetWriter(parquetSchema, envelope, options);
  if (rows.length > 0) {
    writer.rowBuffer = { rowCount: rows.length, pageRowCount: rows.length, columnData, pages };
  }
  await writer.close();
  return Buffer.concat(chunks);
}

function shredColumn(
  dataset: string,
  column: ColumnSpec,
  rows: readonly Row[],
  requiredLevels: number[],
): ShreddedColumn {
  const codec = CODECS[column.type];
  const name = column.name;
  const values: Primitive[] = [];
  const dlevels: number[] = column.nullable ? new Array<number>(rows.length) : requiredLevels;
  const distinct = new Set<unknown>();
  for (let i = 0; i < rows.length; i++) {
    const value = (rows[i] as Row)[name];
    if (value === null && column.nullable) {
      dlevels[i] = 0;
      continue;
    }
    const primitive = value === null || value === undefined ? undefined : codec.toPrimitive(value);
    if (primitive === undefined) throw rowError(dataset, i, column, value);
    values.push(primitive);
    distinct.add(primitive);
    if (column.nullable) dlevels[i] = 1;
  }
  return { values, dlevels, rlevels: [], distinct_values: statsValues(distinct, codec), count: rows.length };
}

/** parquetjs-lite turns min/max back through `toPrimitive`, which only round-trips Dates. */
function statsValues(distinct: Set<unknown>, codec: ColumnCodec): Set<unknown> {
  if (codec.statsAsDates === undefined) return distinct;
  const scale = codec.statsAsDates === 'days' ? MILLIS_PER_DAY : 1;
  const dates = new Set<unknown>();
  for (const value of distinct) dates.add(new Date((value as number) * scale));
  return dates;
}

function checkRowKeys(schema: DatasetSchema, rows: readonly Row[]): void {
  const columnCount = schema.columns.length;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    let keyCount = 0;
    for (const _ in row) keyCount++;
    if (keyCount === columnCount) continue;
    for (const key in row) {
      if (!schema.columns.some((column) => column.name === key)) {
        throw new ParquetRowError(
          `${schema.dataset} row ${i}: unknown column "${key}" (value ${formatValue(row[key])}); it is not in the schema`,
          { dataset: schema.dataset, rowIndex: i, column: key, value: row[key] },
        );
      }
    }
    // Fewer keys than columns: the column pass reports the missing one.
  }
}

function rowError(dataset: string, rowIndex: number, column: ColumnSpec, value: unknown): ParquetRowError {
  const where = `${dataset} row ${rowIndex}, column "${column.name}"`;
  const options = { dataset, rowIndex, column: column.name, value };
  if (value === undefined) {
    return new ParquetRowError(`${where}: missing; use null for no value`, options);
  }
  if (value === null) {
    return new ParquetRowError(`${where}: not nullable, got null`, options);
  }
  const expected = `${column.type} (${CODECS[column.type].expected})`;
  return new ParquetRowError(
    `${where}: expected ${expected}, got ${formatValue(value)} (${typeName(value)})`,
    options,
  );
}

/** Days since 1970-01-01 for a valid `YYYY-MM-DD`, else undefined. */
function daysSinceEpoch(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  // Date.UTC maps years 0-99 to 19xx, so those are refused along with impossible days.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / MILLIS_PER_DAY;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'Date';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function formatValue(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value) ?? String(value);
  return String(value);
}
