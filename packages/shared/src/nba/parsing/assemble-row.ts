import type { CellValue, DatasetSchema, Row } from '../../bronze/index.js';

/**
 * Orders cells by the schema's columns. A column without a cell is a bug in the parser, not in
 * the response, so it throws a plain Error rather than an NbaRequestError.
 */
export function assembleRow(schema: DatasetSchema, cells: Readonly<Record<string, CellValue>>): Row {
  const row: Record<string, CellValue> = {};
  for (const spec of schema.columns) {
    const value = cells[spec.name];
    if (value === undefined) throw new Error(`${schema.dataset}: parser produced no value for ${spec.name}`);
    row[spec.name] = value;
  }
  return row;
}
