import { parquetMetadata, parquetReadObjects, type SchemaElement } from 'hyparquet';
import type { CellValue, ColumnType, Row } from '../bronze/index.js';
import type { FileColumn } from '../quality/index.js';

/** A Parquet file as an independent reader (hyparquet, not the writer's library) sees it. */
export interface ReadBack {
  readonly columns: readonly FileColumn[];
  /** Rows in our cell types: INT64 as numbers, DATE as `YYYY-MM-DD`, timestamps as Dates. */
  readonly rows: readonly Row[];
  /** The row count the footer declares. */
  readonly declaredRows: number;
}

const MILLIS_PER_DAY = 86_400_000;

/** Our column type for a leaf of the file's schema, or its own description when none fits. */
function columnTypeOf(element: SchemaElement): ColumnType | string {
  const converted = element.converted_type;
  switch (element.type) {
    case 'BYTE_ARRAY':
      return converted === 'UTF8' || element.logical_type?.type === 'STRING' ? 'UTF8' : 'BYTE_ARRAY';
    case 'INT32':
      if (converted === undefined) return 'INT32';
      return converted === 'DATE' ? 'DATE' : `INT32/${converted}`;
    case 'INT64':
      if (converted === undefined) return 'INT64';
      return converted === 'TIMESTAMP_MILLIS' ? 'TIMESTAMP_MILLIS' : `INT64/${converted}`;
    case 'DOUBLE':
      return 'DOUBLE';
    case 'BOOLEAN':
      return 'BOOLEAN';
    default:
      return String(element.type);
  }
}

function cellOf(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  return String(value);
}

/** Decodes a whole Parquet file; throws when it is not one (cut, corrupted, another format). */
export async function readParquetBack(bytes: Buffer): Promise<ReadBack> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(file);
  const columns = metadata.schema.slice(1).map((element) => ({
    name: element.name,
    type: columnTypeOf(element),
    nullable: element.repetition_type !== 'REQUIRED',
  }));
  const objects = await parquetReadObjects({
    file,
    metadata,
    parsers: {
      dateFromDays: (days: number) => new Date(days * MILLIS_PER_DAY).toISOString().slice(0, 10),
    },
  });
  const rows = objects.map((object) => {
    const row: Record<string, CellValue> = {};
    for (const [name, value] of Object.entries(object)) row[name] = cellOf(value);
    return row;
  });
  return { columns, rows, declaredRows: Number(metadata.num_rows) };
}
