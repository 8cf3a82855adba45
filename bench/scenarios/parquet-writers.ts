import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createSimServer } from '@repo/nba-sim';
import {
  type ColumnType,
  DATASET_SCHEMAS,
  type DatasetName,
  type Row,
  writeParquet,
} from '@repo/shared/bronze';
import { ENDPOINTS, type GameRequestName } from '@repo/shared/nba';
import { type ColumnSource, parquetWriteBuffer } from 'hyparquet-writer';
import { round } from '../lib/process-stats.js';
import type { Scenario, ScenarioResult } from '../lib/scenario.js';

const GAMES = 60;
const REPEAT = 3;

/** The same rows, one column array each, as hyparquet-writer takes them. */
function hyparquetColumns(dataset: DatasetName, rows: readonly Row[]): ColumnSource[] {
  const typeOf: Record<ColumnType, ColumnSource['type']> = {
    UTF8: 'STRING',
    INT32: 'INT32',
    INT64: 'INT64',
    DOUBLE: 'DOUBLE',
    BOOLEAN: 'BOOLEAN',
    TIMESTAMP_MILLIS: 'TIMESTAMP',
    // Days since 1970 as INT32: the physical DATE representation, without the logical tag.
    DATE: 'INT32',
  };
  return DATASET_SCHEMAS[dataset].columns.map((column) => ({
    name: column.name,
    type: typeOf[column.type],
    nullable: column.nullable,
    data: rows.map((row) => {
      const value = row[column.name] ?? null;
      if (column.type === 'DATE' && typeof value === 'string')
        return Date.parse(`${value}T00:00:00Z`) / 86_400_000;
      if (column.type === 'INT64' && typeof value === 'number') return BigInt(value);
      return value;
    }),
  }));
}

async function rowsOf(request: GameRequestName, dataset: DatasetName): Promise<Row[]> {
  const sim = createSimServer({ seed: 1, maxGames: GAMES, seasonTypes: ['Regular Season'] });
  const { statsUrl } = await sim.listen(0, '127.0.0.1');
  try {
    const endpoint = ENDPOINTS[request];
    const rows: Row[] = [];
    for (const g of sim.listedGames) {
      const params = new URLSearchParams(
        endpoint.params({ season: '2024-25', gameId: g.gameId, gameDate: g.gameDate }),
      );
      const body = (await (await fetch(`${statsUrl}/${endpoint.endpoint}?${params}`)).json()) as unknown;
      const parsed = endpoint.parse(body, {
        season: '2024-25',
        gameId: g.gameId,
        gameDate: g.gameDate,
        seasonType: g.seasonType,
        ingestedAt: new Date(),
      });
      rows.push(...(parsed[dataset] ?? []));
    }
    return rows;
  } finally {
    await sim.close();
  }
}

/** Best of REPEAT runs, in rows per second, and the bytes of one file. */
async function time(
  write: () => Promise<Uint8Array> | Uint8Array,
  rows: number,
): Promise<{ rowsPerSecond: number; bytes: Uint8Array }> {
  let best = Number.POSITIVE_INFINITY;
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    bytes = await write();
    best = Math.min(best, performance.now() - started);
  }
  return { rowsPerSecond: rows / (best / 1000), bytes };
}

/** parquetjs-lite (what the product uses, through our column-wise writer) against hyparquet-writer. */
export const parquetWriters: Scenario = {
  name: 'parquet-writers',
  async run(): Promise<ScenarioResult> {
    const folder = await mkdtemp(join(tmpdir(), 'bench-parquet-'));
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    const metrics: Record<string, number> = {};
    try {
      for (const [request, dataset] of [
        ['play-by-play', 'play-by-play'],
        ['box-score', 'box-scores'],
      ] as const) {
        const rows = await rowsOf(request, dataset);
        metrics[`${dataset}_rows`] = rows.length;
        const ours = await time(() => writeParquet(DATASET_SCHEMAS[dataset], rows), rows.length);
        const theirs = await time(
          () =>
            new Uint8Array(
              parquetWriteBuffer({ columnData: hyparquetColumns(dataset, rows), codec: 'SNAPPY' }),
            ),
          rows.length,
        );
        for (const [writer, result] of [
          ['parquetjs_lite', ours],
          ['hyparquet_writer', theirs],
        ] as const) {
          const file = join(folder, `${dataset}-${writer}.parquet`);
          await writeFile(file, result.bytes);
          const read = (
            await db.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${file}')`)
          ).getRowObjectsJson();
          if (Number(read[0]?.n) !== rows.length)
            throw new Error(`${writer} ${dataset}: DuckDB read ${read[0]?.n} rows`);
          metrics[`${dataset}_${writer}_rows_per_second`] = Math.round(result.rowsPerSecond);
          metrics[`${dataset}_${writer}_bytes`] = result.bytes.length;
        }
      }
    } finally {
      db.closeSync();
      instance.closeSync();
      await rm(folder, { recursive: true, force: true });
    }
    return {
      name: 'parquet-writers',
      description: `rows of ${GAMES} simulated games in one file each, SNAPPY, best of ${REPEAT}; every file read back by DuckDB`,
      metrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, round(v, 0)])),
      goals: [],
    };
  },
};
