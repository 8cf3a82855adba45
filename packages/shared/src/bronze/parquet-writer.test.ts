import parquet from 'parquetjs-lite';
import { describe, expect, it } from 'vitest';
import type { ColumnSpec, ColumnType, DatasetSchema, Row } from './dataset-schema.js';
import { ParquetRowError } from './errors.js';
import { writeParquet } from './parquet-writer.js';

function col(name: string, type: ColumnType, nullable = false): ColumnSpec {
  return { name, type, nullable, description: name, source: 'derived' };
}

const schema: DatasetSchema = {
  dataset: 'play-by-play',
  grain: 'one row per action',
  partitioning: 'game',
  checks: [],
  columns: [
    col('game_id', 'UTF8'),
    col('period', 'INT32'),
    col('person_id', 'INT64', true),
    col('x_legacy', 'DOUBLE', true),
    col('is_field_goal', 'BOOLEAN'),
    col('_ingested_at', 'TIMESTAMP_MILLIS'),
    col('game_date', 'DATE'),
  ],
};

const good: Row = {
  game_id: '0022400061',
  period: 1,
  person_id: 1628378,
  x_legacy: -12.5,
  is_field_goal: true,
  _ingested_at: new Date('2024-10-23T04:00:00.000Z'),
  game_date: '2024-10-22',
};

async function rejection(rows: readonly Row[]): Promise<ParquetRowError> {
  const error = await writeParquet(schema, rows).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParquetRowError);
  return error as ParquetRowError;
}

// Parquet's Thrift enums, as the footer stores them.
const REQUIRED = 0;
const OPTIONAL = 1;
const SNAPPY = 1;

describe('writeParquet', () => {
  it('writes the columns in schema order, REQUIRED or OPTIONAL by nullability, SNAPPY', async () => {
    const bytes = await writeParquet(schema, [good, { ...good, person_id: null, x_legacy: null }]);
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
    expect(bytes.subarray(-4).toString()).toBe('PAR1');
    const footer = await (await parquet.ParquetEnvelopeReader.openBuffer(bytes)).readFooter();
    expect(Number(footer.num_rows)).toBe(2);
    const leaves = footer.schema.slice(1);
    expect(leaves.map((f) => f.name)).toEqual(schema.columns.map((c) => c.name));
    expect(leaves.map((f) => f.repetition_type)).toEqual(
      schema.columns.map((c) => (c.nullable ? OPTIONAL : REQUIRED)),
    );
    expect(footer.row_groups).toHaveLength(1);
    expect(footer.row_groups[0]?.columns.map((c) => c.meta_data.codec)).toEqual(
      schema.columns.map(() => SNAPPY),
    );
  });

  it('writes a file with the schema and no row groups for zero rows', async () => {
    const footer = await (
      await parquet.ParquetEnvelopeReader.openBuffer(await writeParquet(schema, []))
    ).readFooter();
    expect(Number(footer.num_rows)).toBe(0);
    expect(footer.row_groups).toHaveLength(0);
    expect(footer.schema.slice(1).map((f) => f.name)).toEqual(schema.columns.map((c) => c.name));
  });

  it('is deterministic: the same rows give the same bytes', async () => {
    expect((await writeParquet(schema, [good])).equals(await writeParquet(schema, [good]))).toBe(true);
  });

  it.each<[string, Row, string]>([
    [
      'null in a non-nullable column',
      { ...good, period: null },
      'play-by-play row 1, column "period": not nullable, got null',
    ],
    [
      'a missing column',
      {
        game_id: '0022400061',
        period: 1,
        person_id: 1,
        x_legacy: 1,
        is_field_goal: true,
        _ingested_at: new Date(0),
      },
      'play-by-play row 1, column "game_date": missing; use null for no value',
    ],
    [
      'an unknown column',
      { ...good, shot_clock: '24' },
      'play-by-play row 1: unknown column "shot_clock" (value "24"); it is not in the schema',
    ],
    [
      'a number for a string column',
      { ...good, game_id: 22400061 },
      'play-by-play row 1, column "game_id": expected UTF8 (a string), got 22400061 (number)',
    ],
    [
      'a string for an INT32 column',
      { ...good, period: '1' },
      'play-by-play row 1, column "period": expected INT32 (an integer from -2147483648 to 2147483647), got "1" (string)',
    ],
    [
      'a fraction for an INT32 column',
      { ...good, period: 1.5 },
      'play-by-play row 1, column "period": expected INT32 (an integer from -2147483648 to 2147483647), got 1.5 (number)',
    ],
    [
      'an INT32 overflow',
      { ...good, period: 2 ** 31 },
      'play-by-play row 1, column "period": expected INT32 (an integer from -2147483648 to 2147483647), got 2147483648 (number)',
    ],
    [
      'an unsafe INT64',
      { ...good, person_id: 2 ** 53 },
      'play-by-play row 1, column "person_id": expected INT64 (a safe integer (|n| <= 2^53 - 1)), got 9007199254740992 (number)',
    ],
    [
      'NaN for a DOUBLE',
      { ...good, x_legacy: Number.NaN },
      'play-by-play row 1, column "x_legacy": expected DOUBLE (a finite number), got NaN (number)',
    ],
    [
      'a string for a BOOLEAN',
      { ...good, is_field_goal: 'true' },
      'play-by-play row 1, column "is_field_goal": expected BOOLEAN (a boolean), got "true" (string)',
    ],
    [
      'a string for a TIMESTAMP_MILLIS',
      { ...good, _ingested_at: '2024-10-23T04:00:00Z' },
      'play-by-play row 1, column "_ingested_at": expected TIMESTAMP_MILLIS (a valid Date), got "2024-10-23T04:00:00Z" (string)',
    ],
    [
      'an invalid Date',
      { ...good, _ingested_at: new Date('nope') },
      'play-by-play row 1, column "_ingested_at": expected TIMESTAMP_MILLIS (a valid Date), got Invalid Date (Date)',
    ],
    [
      'a Date for a DATE',
      { ...good, game_date: new Date('2024-10-22T00:00:00Z') },
      'play-by-play row 1, column "game_date": expected DATE (a "YYYY-MM-DD" string with a real calendar date), got 2024-10-22T00:00:00.000Z (Date)',
    ],
    [
      'an impossible calendar day',
      { ...good, game_date: '2025-02-29' },
      'play-by-play row 1, column "game_date": expected DATE (a "YYYY-MM-DD" string with a real calendar date), got "2025-02-29" (string)',
    ],
    [
      'a US-style date',
      { ...good, game_date: '10/22/2024' },
      'play-by-play row 1, column "game_date": expected DATE (a "YYYY-MM-DD" string with a real calendar date), got "10/22/2024" (string)',
    ],
  ])('rejects %s, naming dataset, row, column and value', async (_, bad, message) => {
    const error = await rejection([good, bad]);
    expect(error.message).toBe(message);
    expect(error.kind).toBe('parse');
    expect(error.rowIndex).toBe(1);
  });

  it('accepts leap days and nulls in nullable columns', async () => {
    const rows = [{ ...good, game_date: '2024-02-29', person_id: null, x_legacy: null }];
    await expect(writeParquet(schema, rows)).resolves.toBeInstanceOf(Buffer);
  });

  it('carries dataset, column and value on the error', async () => {
    const error = await rejection([{ ...good, period: null }]);
    expect(error).toMatchObject({
      name: 'ParquetRowError',
      dataset: 'play-by-play',
      column: 'period',
      value: null,
    });
  });
});
