import type { ColumnType, DatasetSchema } from '../bronze/index.js';

/** A column as a Parquet file declares it, mapped to our types where it matches one. */
export interface FileColumn {
  readonly name: string;
  /** Our type, or the file's own description (`BYTE_ARRAY`, `INT96`...) when it matches none. */
  readonly type: ColumnType | string;
  readonly nullable: boolean;
}

/**
 * Problems of a file's columns against the dataset schema: missing, unexpected, out of order,
 * of another type or nullability. Empty when the file has exactly the schema's columns.
 */
export function checkFileColumns(found: readonly FileColumn[], schema: DatasetSchema): string[] {
  const problems: string[] = [];
  const byName = new Map(found.map((column) => [column.name, column]));
  const expected = new Set(schema.columns.map((column) => column.name));
  const missing = schema.columns.filter((column) => !byName.has(column.name)).map((column) => column.name);
  const extra = found.filter((column) => !expected.has(column.name)).map((column) => column.name);
  if (missing.length > 0) problems.push(`missing column(s) ${missing.join(', ')}`);
  if (extra.length > 0) problems.push(`unexpected column(s) ${extra.join(', ')}`);
  for (const spec of schema.columns) {
    const column = byName.get(spec.name);
    if (column === undefined) continue;
    if (column.type !== spec.type) problems.push(`${spec.name}: type ${column.type}, expected ${spec.type}`);
    if (column.nullable !== spec.nullable)
      problems.push(
        `${spec.name}: ${column.nullable ? 'nullable' : 'required'}, expected ${spec.nullable ? 'nullable' : 'required'}`,
      );
  }
  const order = found.map((column) => column.name).filter((name) => expected.has(name));
  const schemaOrder = schema.columns.map((column) => column.name).filter((name) => byName.has(name));
  if (missing.length === 0 && extra.length === 0 && order.join(',') !== schemaOrder.join(','))
    problems.push('columns are not in schema order');
  return problems;
}
