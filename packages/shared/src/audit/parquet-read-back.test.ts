import { describe, expect, it } from 'vitest';
import { DATASET_SCHEMAS, type DatasetSchema, writeParquet } from '../bronze/index.js';
import { checkFileColumns } from '../quality/index.js';
import { readParquetBack } from './parquet-read-back.js';

const schema: DatasetSchema = {
  dataset: 'play-by-play',
  grain: 'test',
  partitioning: 'game',
  checks: [],
  columns: [
    { name: 'game_id', type: 'UTF8', nullable: false, description: 'x', source: 'x' },
    { name: 'period', type: 'INT32', nullable: false, description: 'x', source: 'x' },
    { name: 'person_id', type: 'INT64', nullable: true, description: 'x', source: 'x' },
    { name: 'clock_seconds', type: 'DOUBLE', nullable: false, description: 'x', source: 'x' },
    { name: 'is_home', type: 'BOOLEAN', nullable: false, description: 'x', source: 'x' },
    { name: 'game_date', type: 'DATE', nullable: false, description: 'x', source: 'x' },
    { name: '_ingested_at', type: 'TIMESTAMP_MILLIS', nullable: false, description: 'x', source: 'x' },
  ],
};
const row = {
  game_id: '0022400061',
  period: 4,
  person_id: 1_628_378,
  clock_seconds: 6.3,
  is_home: true,
  game_date: '2024-10-22',
  _ingested_at: new Date('2024-10-23T04:00:00.123Z'),
};

describe('readParquetBack', () => {
  it('reads our files back in our cell types, with their declared columns', async () => {
    const back = await readParquetBack(await writeParquet(schema, [row, { ...row, person_id: null }]));
    expect(back.rows).toEqual([row, { ...row, person_id: null }]);
    expect(back.declaredRows).toBe(2);
    expect(back.columns).toEqual(
      schema.columns.map(({ name, type, nullable }) => ({ name, type, nullable })),
    );
  });

  it('maps every column of every dataset schema back to itself', async () => {
    for (const dataset of Object.values(DATASET_SCHEMAS)) {
      const back = await readParquetBack(await writeParquet(dataset, []));
      expect(checkFileColumns(back.columns, dataset)).toEqual([]);
    }
  });

  it('throws on bytes that are not a whole Parquet file', async () => {
    const bytes = await writeParquet(schema, [row]);
    await expect(readParquetBack(bytes.subarray(0, bytes.length - 10))).rejects.toThrow();
    await expect(readParquetBack(Buffer.from('{"not":"parquet"}'))).rejects.toThrow();
  });
});
