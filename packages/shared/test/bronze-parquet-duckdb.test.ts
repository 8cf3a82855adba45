import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnSpec, ColumnType, DatasetSchema, Row } from '../src/bronze/dataset-schema.js';
import { writeParquet } from '../src/bronze/parquet-writer.js';

function col(name: string, type: ColumnType, nullable: boolean): ColumnSpec {
  return { name, type, nullable, description: name, source: 'derived' };
}

/** Every ColumnType twice: once REQUIRED, once OPTIONAL. */
const schema: DatasetSchema = {
  dataset: 'box-scores',
  grain: 'one row per player per game (test schema)',
  partitioning: 'game',
  checks: [],
  columns: [
    col('game_id', 'UTF8', false),
    col('family_name', 'UTF8', true),
    col('team_id', 'INT64', false),
    col('person_id', 'INT64', true),
    col('period', 'INT32', false),
    col('points', 'INT32', true),
    col('minutes', 'DOUBLE', false),
    col('fg_pct', 'DOUBLE', true),
    col('starter', 'BOOLEAN', false),
    col('on_court', 'BOOLEAN', true),
    col('_ingested_at', 'TIMESTAMP_MILLIS', false),
    col('event_time', 'TIMESTAMP_MILLIS', true),
    col('game_date', 'DATE', false),
    col('birth_date', 'DATE', true),
  ],
};

const ingestedAt = new Date('2024-10-23T04:05:06.789Z');
const rows: Row[] = [
  {
    game_id: '0022400061',
    family_name: 'Vučević',
    team_id: 1610612741,
    person_id: 202696,
    period: 1,
    points: 20,
    minutes: 34.5,
    fg_pct: 0.5,
    starter: true,
    on_court: false,
    _ingested_at: ingestedAt,
    event_time: new Date('2024-10-22T23:40:12.001Z'),
    game_date: '2024-10-22',
    birth_date: '1990-10-24',
  },
  {
    game_id: '0022400061',
    family_name: null,
    team_id: 1610612739,
    person_id: null,
    period: 4,
    points: null,
    minutes: 0,
    fg_pct: null,
    starter: false,
    on_court: null,
    _ingested_at: ingestedAt,
    event_time: null,
    game_date: '2024-10-22',
    birth_date: null,
  },
  {
    game_id: '0022400062',
    family_name: 'Dončić',
    team_id: 1610612742,
    person_id: 1628378,
    period: 2,
    points: -3,
    minutes: 1e-3,
    fg_pct: 1,
    starter: true,
    on_court: true,
    _ingested_at: ingestedAt,
    event_time: new Date('1969-12-31T23:59:59.999Z'),
    game_date: '2024-02-29',
    birth_date: '1962-01-01',
  },
];

let dir: string;
let instance: DuckDBInstance;
let db: DuckDBConnection;
let fileCount = 0;

async function toFile(bytes: Buffer): Promise<string> {
  fileCount++;
  const path = join(dir, `file-${fileCount}.parquet`);
  await writeFile(path, bytes);
  return path;
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJson();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bronze-parquet-'));
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
});

afterAll(async () => {
  db?.closeSync();
  instance?.closeSync();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Parquet files read back by DuckDB', () => {
  it('has the schema types: VARCHAR, BIGINT, INTEGER, DOUBLE, BOOLEAN, TIMESTAMP, DATE', async () => {
    const path = await toFile(await writeParquet(schema, rows));
    const described = await query(`DESCRIBE SELECT * FROM '${path}'`);
    expect(described.map((r) => [r.column_name, r.column_type])).toEqual([
      ['game_id', 'VARCHAR'],
      ['family_name', 'VARCHAR'],
      ['team_id', 'BIGINT'],
      ['person_id', 'BIGINT'],
      ['period', 'INTEGER'],
      ['points', 'INTEGER'],
      ['minutes', 'DOUBLE'],
      ['fg_pct', 'DOUBLE'],
      ['starter', 'BOOLEAN'],
      ['on_court', 'BOOLEAN'],
      ['_ingested_at', 'TIMESTAMP'],
      ['event_time', 'TIMESTAMP'],
      ['game_date', 'DATE'],
      ['birth_date', 'DATE'],
    ]);
    const parquetSchema = await query(
      `SELECT name, repetition_type, converted_type FROM parquet_schema('${path}') WHERE name <> 'root'`,
    );
    expect(parquetSchema.map((r) => r.repetition_type)).toEqual(
      schema.columns.map((c) => (c.nullable ? 'OPTIONAL' : 'REQUIRED')),
    );
    expect(parquetSchema.map((r) => r.converted_type)).toEqual([
      'UTF8',
      'UTF8',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      'TIMESTAMP_MILLIS',
      'TIMESTAMP_MILLIS',
      'DATE',
      'DATE',
    ]);
  });

  it('reads back exact values, nulls and non-ASCII names in row order', async () => {
    const path = await toFile(await writeParquet(schema, rows));
    const read = await query(`SELECT * FROM '${path}'`);
    expect(read).toEqual([
      {
        game_id: '0022400061',
        family_name: 'Vučević',
        team_id: '1610612741',
        person_id: '202696',
        period: 1,
        points: 20,
        minutes: 34.5,
        fg_pct: 0.5,
        starter: true,
        on_court: false,
        _ingested_at: '2024-10-23 04:05:06.789',
        event_time: '2024-10-22 23:40:12.001',
        game_date: '2024-10-22',
        birth_date: '1990-10-24',
      },
      {
        game_id: '0022400061',
        family_name: null,
        team_id: '1610612739',
        person_id: null,
        period: 4,
        points: null,
        minutes: 0,
        fg_pct: null,
        starter: false,
        on_court: null,
        _ingested_at: '2024-10-23 04:05:06.789',
        event_time: null,
        game_date: '2024-10-22',
        birth_date: null,
      },
      {
        game_id: '0022400062',
        family_name: 'Dončić',
        team_id: '1610612742',
        person_id: '1628378',
        period: 2,
        points: -3,
        minutes: 0.001,
        fg_pct: 1,
        starter: true,
        on_court: true,
        _ingested_at: '2024-10-23 04:05:06.789',
        event_time: '1969-12-31 23:59:59.999',
        game_date: '2024-02-29',
        birth_date: '1962-01-01',
      },
    ]);
  });

  it('keeps the game id a 10-character string and the ids exact integers', async () => {
    const path = await toFile(await writeParquet(schema, rows));
    const read = await query(
      `SELECT typeof(game_id) AS t, length(game_id) AS n, game_id, typeof(person_id) AS id_type, person_id + 1 AS next_id
         FROM '${path}' WHERE person_id IS NOT NULL ORDER BY person_id`,
    );
    expect(read).toEqual([
      { t: 'VARCHAR', n: '10', game_id: '0022400061', id_type: 'BIGINT', next_id: '202697' },
      { t: 'VARCHAR', n: '10', game_id: '0022400062', id_type: 'BIGINT', next_id: '1628379' },
    ]);
    const [count] = await query(`SELECT count(*) AS n FROM '${path}' WHERE game_id = '0022400061'`);
    expect(count).toEqual({ n: '2' });
  });

  it('compresses every column chunk with SNAPPY and writes min/max statistics', async () => {
    const path = await toFile(await writeParquet(schema, rows));
    const meta = await query(
      `SELECT path_in_schema, compression, stats_min, stats_max, stats_null_count
         FROM parquet_metadata('${path}') ORDER BY column_id`,
    );
    expect(meta.map((m) => m.path_in_schema)).toEqual(schema.columns.map((c) => c.name));
    expect(new Set(meta.map((m) => m.compression))).toEqual(new Set(['SNAPPY']));
    const stats = Object.fromEntries(
      meta.map((m) => [m.path_in_schema, [m.stats_min, m.stats_max, m.stats_null_count]]),
    );
    expect(stats.person_id).toEqual(['202696', '1628378', '1']);
    expect(stats.game_date).toEqual(['2024-02-29', '2024-10-22', '0']);
    expect(stats.event_time).toEqual(['1969-12-31 23:59:59.999', '2024-10-22 23:40:12.001', '1']);
    expect(stats.family_name).toEqual(['Dončić', 'Vučević', '1']);
  });

  it('writes zero rows as a valid file that reads as 0 rows with the same types', async () => {
    const path = await toFile(await writeParquet(schema, []));
    expect(await query(`SELECT count(*) AS n FROM '${path}'`)).toEqual([{ n: '0' }]);
    const described = await query(`DESCRIBE SELECT * FROM '${path}'`);
    expect(described.map((r) => r.column_type)).toEqual([
      'VARCHAR',
      'VARCHAR',
      'BIGINT',
      'BIGINT',
      'INTEGER',
      'INTEGER',
      'DOUBLE',
      'DOUBLE',
      'BOOLEAN',
      'BOOLEAN',
      'TIMESTAMP',
      'TIMESTAMP',
      'DATE',
      'DATE',
    ]);
  });

  it('keeps exact counts and sums on 20,000 rows', async () => {
    const many: Row[] = [];
    for (let i = 0; i < 20_000; i++) {
      many.push({
        ...(rows[i % 3] as Row),
        person_id: i % 7 === 0 ? null : 1_628_000 + i,
        points: i % 100,
      });
    }
    const path = await toFile(await writeParquet(schema, many));
    const [agg] = await query(
      `SELECT count(*) AS n, count(person_id) AS ids, sum(person_id) AS id_sum, sum(points) AS pts,
              count(DISTINCT family_name) AS names
         FROM '${path}'`,
    );
    let idSum = 0;
    let ids = 0;
    for (let i = 0; i < 20_000; i++) {
      if (i % 7 !== 0) {
        ids++;
        idSum += 1_628_000 + i;
      }
    }
    expect(agg).toEqual({
      n: '20000',
      ids: String(ids),
      id_sum: String(idSum),
      pts: String(200 * 4950),
      names: '2',
    });
  });
});
