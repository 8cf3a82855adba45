import { join } from 'node:path';
import {
  type CellValue,
  type ColumnType,
  DATASET_NAMES,
  DATASET_SCHEMAS,
  type DatasetName,
  type DatasetSchema,
  datasetKey,
  type Row,
  writeDatasets,
  writeParquet,
} from '@repo/shared/bronze';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BronzeReader } from './helpers/bronze-reader.js';
import { LocalLake } from './helpers/local-lake.js';
import { runApp } from './helpers/processes.js';
import { createTestBucket, testServices } from './helpers/services.js';

/**
 * `planner catalog`: known rows of two seasons, written with the product's own writer to a fresh
 * bucket, copied locally (DuckDB cannot load httpfs here); the DuckDB views the command prints
 * must count them exactly, with the right `season` and `month`, and the Athena tables must
 * project the partitions of the layout. The command gets a Redis and an S3 endpoint that do not
 * answer: it must not need them.
 */
const PREFIX = 'historical-backfill';
const services = testServices();
let bucket: string;
let reader: BronzeReader;
let lake: LocalLake;

interface TestGame {
  readonly season: string;
  readonly gameId: string;
  readonly gameDate: string;
}

// January (month=01) checks the leading zero; April of 2023-24 a second season.
const GAMES: readonly TestGame[] = [
  { season: '2024-25', gameId: '0022400061', gameDate: '2024-10-22' },
  { season: '2024-25', gameId: '0022400062', gameDate: '2024-10-22' },
  { season: '2024-25', gameId: '0022400075', gameDate: '2024-10-24' },
  { season: '2024-25', gameId: '0022400560', gameDate: '2025-01-05' },
  { season: '2024-25', gameId: '0022400561', gameDate: '2025-01-06' },
  { season: '2023-24', gameId: '0022301190', gameDate: '2024-04-14' },
  { season: '2023-24', gameId: '0042300101', gameDate: '2024-04-20' },
];
const PLAYERS: Readonly<Record<string, number>> = { '2023-24': 3, '2024-25': 5 };

/** Rows each game gets per dataset; box-scores-advanced only for 2024-25 (opt-in endpoint). */
function rowsPerGame(dataset: DatasetName, game: TestGame, index: number): number {
  if (dataset === 'box-scores') return 20 + index;
  if (dataset === 'box-scores-teams') return 6;
  if (dataset === 'play-by-play') return 100 + 7 * index;
  if (dataset === 'box-scores-advanced') return game.season === '2024-25' ? 10 + index : 0;
  return 0;
}

const PER_GAME: readonly DatasetName[] = [
  'box-scores',
  'box-scores-teams',
  'play-by-play',
  'box-scores-advanced',
];
/** A box-scores file of an older layout (without `starter`), for `union_by_name`. */
const OLD_COLUMN = 'starter';
const OLD_GAME = GAMES[0] as TestGame;

const DEFAULTS: Readonly<Record<ColumnType, CellValue>> = {
  UTF8: 'x',
  INT32: 1,
  INT64: 1,
  DOUBLE: 0.5,
  BOOLEAN: true,
  TIMESTAMP_MILLIS: new Date('2025-07-01T00:00:00Z'),
  DATE: '2024-10-22',
};

/** A row with a typed value in every column of the schema, `values` on top. */
function rowOf(schema: DatasetSchema, values: Readonly<Record<string, CellValue>>): Row {
  return Object.fromEntries(
    schema.columns.map((column) => [
      column.name,
      column.name in values ? values[column.name] : DEFAULTS[column.type],
    ]),
  ) as Row;
}

/** `count` rows; `action_id` (play-by-play only) numbers them, as the API does. */
function rows(dataset: DatasetName, count: number, values: Readonly<Record<string, CellValue>>): Row[] {
  return Array.from({ length: count }, (_, i) =>
    rowOf(DATASET_SCHEMAS[dataset], { ...values, action_id: i + 1 }),
  );
}

const sum = (values: readonly number[]) => values.reduce((total, n) => total + n, 0);

/** What each view must count. */
function expectedRows(dataset: DatasetName): number {
  if (dataset === 'games') return 2 * GAMES.length;
  if (dataset === 'players') return sum(Object.values(PLAYERS));
  return sum(GAMES.map((game, i) => rowsPerGame(dataset, game, i)));
}

async function writeTestLake(): Promise<void> {
  const metadata = { 'source-endpoint': 'test' };
  for (const season of Object.keys(PLAYERS)) {
    const seasonGames = GAMES.filter((game) => game.season === season);
    await writeDatasets(reader.store, {
      outputPrefix: PREFIX,
      season,
      rows: {
        // The schedule: two rows per game, split by month by the writer.
        games: seasonGames.flatMap((game) =>
          rows('games', 2, { season, game_id: game.gameId, game_date: game.gameDate }),
        ),
        players: rows('players', PLAYERS[season] ?? 0, { season }),
      },
      metadata,
    });
  }
  for (const [index, game] of GAMES.entries()) {
    const gameRows: Partial<Record<DatasetName, Row[]>> = {};
    for (const dataset of PER_GAME) {
      const count = rowsPerGame(dataset, game, index);
      if (count > 0)
        gameRows[dataset] = rows(dataset, count, {
          season: game.season,
          game_id: game.gameId,
          game_date: game.gameDate,
        });
    }
    await writeDatasets(reader.store, { outputPrefix: PREFIX, ...game, rows: gameRows, metadata });
  }
  const old: DatasetSchema = {
    ...DATASET_SCHEMAS['box-scores'],
    columns: DATASET_SCHEMAS['box-scores'].columns.filter((column) => column.name !== OLD_COLUMN),
  };
  const oldRows = rows('box-scores', rowsPerGame('box-scores', OLD_GAME, 0), {
    season: OLD_GAME.season,
    game_id: OLD_GAME.gameId,
    game_date: OLD_GAME.gameDate,
  }).map((row) => Object.fromEntries(Object.entries(row).filter(([name]) => name !== OLD_COLUMN)) as Row);
  await reader.store.put(
    datasetKey({ outputPrefix: PREFIX, dataset: 'box-scores', ...OLD_GAME }),
    await writeParquet(old, oldRows),
    { contentType: 'application/vnd.apache.parquet' },
  );
}

/** The planner's catalog command, with a Redis and an S3 endpoint that nobody answers on. */
async function catalog(...args: string[]): Promise<string> {
  const result = await runApp(
    'planner',
    ['catalog', ...args],
    {
      PATH: process.env.PATH,
      AWS_REGION: services.region,
      S3_BUCKET_NAME: bucket,
      OUTPUT_PREFIX: PREFIX,
      SEASON: '2024-25',
      REDIS_URL: 'redis://127.0.0.1:1',
      S3_ENDPOINT: 'http://127.0.0.1:1',
    },
    30_000,
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

beforeAll(async () => {
  bucket = await createTestBucket(services, 'catalog');
  reader = new BronzeReader(services, bucket);
  lake = await LocalLake.create();
  await writeTestLake();
  await lake.sync(reader.store, `${PREFIX}/`);
});

afterAll(async () => {
  await lake?.close();
  if (reader) {
    await reader.store.deleteMany(await reader.keys(`${PREFIX}/`));
    await reader.close();
  }
});

describe('planner catalog --format duckdb', () => {
  let location: string;

  beforeAll(async () => {
    location = join(lake.dir, PREFIX);
    // A trailing slash, as a shell completion leaves it.
    await lake.query(await catalog('--format', 'duckdb', '--location', `${location}/`));
  });

  it('creates one view per dataset, over the given location', async () => {
    const views = await lake.query(
      "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' ORDER BY view_name",
    );
    expect(views.map((view) => view.view_name)).toEqual(
      DATASET_NAMES.map((d) => d.replaceAll('-', '_')).sort(),
    );
  });

  it('counts every row of every dataset exactly', async () => {
    for (const dataset of DATASET_NAMES) {
      const [row] = await lake.query(`SELECT count(*) AS n FROM ${dataset.replaceAll('-', '_')}`);
      expect({ dataset, rows: Number(row?.n) }).toEqual({ dataset, rows: expectedRows(dataset) });
    }
  });

  it('gives season and month as text from the folders, January as 01', async () => {
    const games = await lake.query(
      'SELECT season, month, count(*)::INTEGER AS n FROM games GROUP BY ALL ORDER BY season, month',
    );
    expect(games).toEqual([
      { season: '2023-24', month: '04', n: 4 },
      { season: '2024-25', month: '01', n: 4 },
      { season: '2024-25', month: '10', n: 6 },
    ]);
    const players = await lake.query(
      'SELECT season, count(*)::INTEGER AS n FROM players GROUP BY ALL ORDER BY ALL',
    );
    expect(players).toEqual([
      { season: '2023-24', n: 3 },
      { season: '2024-25', n: 5 },
    ]);
    const types = await lake.query(
      "SELECT column_name, column_type FROM (DESCRIBE box_scores) WHERE column_name IN ('season', 'month') ORDER BY ALL",
    );
    expect(types).toEqual([
      { column_name: 'month', column_type: 'VARCHAR' },
      { column_name: 'season', column_type: 'VARCHAR' },
    ]);
  });

  it('keeps month text in a copy holding only October (DuckDB would guess a number)', async () => {
    const october = await LocalLake.create();
    try {
      await october.sync(reader.store, `${PREFIX}/games/season=2024-25/month=10/`);
      const sql = await catalog(
        '--format',
        'duckdb',
        '--datasets',
        'games',
        '--location',
        join(october.dir, PREFIX),
      );
      await october.query(sql);
      expect(await october.query('SELECT DISTINCT month, typeof(month) AS type FROM games')).toEqual([
        { month: '10', type: 'VARCHAR' },
      ]);
    } finally {
      await october.close();
    }
  });

  it("puts each game's rows under its own season and month", async () => {
    const found = await lake.query(
      'SELECT game_id, season, month, count(*)::INTEGER AS n FROM play_by_play GROUP BY ALL ORDER BY game_id',
    );
    const expected = GAMES.map((game, i) => ({
      game_id: game.gameId,
      season: game.season,
      month: game.gameDate.slice(5, 7),
      n: rowsPerGame('play-by-play', game, i),
    })).sort((a, b) => a.game_id.localeCompare(b.game_id));
    expect(found).toEqual(expected);
    const [mismatch] = await lake.query(
      "SELECT count(*)::INTEGER AS n FROM box_scores WHERE strftime(game_date, '%m') <> month",
    );
    expect(mismatch?.n).toBe(0);
  });

  it('agrees with the season column the files carry', async () => {
    const glob = `${location}/box-scores/*/*/*.parquet`;
    const [differ] = await lake.query(
      `SELECT count(*)::INTEGER AS n FROM read_parquet('${glob}', hive_partitioning = false, union_by_name = true, filename = true) f
       WHERE f.filename NOT LIKE '%/season=' || f.season || '/%'`,
    );
    expect(differ?.n).toBe(0);
  });

  it('reads an older file layout beside the current one (union_by_name)', async () => {
    const [row] = await lake.query(
      `SELECT count(*) FILTER (WHERE ${OLD_COLUMN} IS NULL)::INTEGER AS old, count(*)::INTEGER AS n FROM box_scores`,
    );
    expect(row).toEqual({ old: rowsPerGame('box-scores', OLD_GAME, 0), n: expectedRows('box-scores') });
    const columns = await lake.query('SELECT column_name FROM (DESCRIBE box_scores)');
    expect(columns.map((c) => c.column_name).sort()).toEqual(
      [...DATASET_SCHEMAS['box-scores'].columns.map((c) => c.name), 'month'].sort(),
    );
  });

  it('defaults to s3://S3_BUCKET_NAME/OUTPUT_PREFIX', async () => {
    const sql = await catalog('--format', 'duckdb', '--datasets', 'players');
    expect(sql).toContain(`-- Location: s3://${bucket}/${PREFIX}\n`);
    expect(sql).toContain(
      `read_parquet('s3://${bucket}/${PREFIX}/players/season=*/*.parquet', hive_partitioning = true`,
    );
    expect(sql).not.toContain('CREATE OR REPLACE VIEW games');
  });
});

describe('planner catalog --format athena', () => {
  let sql: string;

  beforeAll(async () => {
    sql = await catalog('--format', 'athena', '--season', '2023-24..2024-25', '--database', 'nba');
  });

  /** One CREATE EXTERNAL TABLE statement by its table. */
  function statementOf(dataset: DatasetName): string {
    const start = sql.indexOf(`CREATE EXTERNAL TABLE IF NOT EXISTS nba.${dataset.replaceAll('-', '_')} (`);
    expect(start).toBeGreaterThanOrEqual(0);
    return sql.slice(start, sql.indexOf(');', start) + 2);
  }

  function properties(statement: string): Record<string, string> {
    const block = statement.slice(statement.indexOf('TBLPROPERTIES ('));
    return Object.fromEntries([...block.matchAll(/'([^']+)' = '([^']*)'/g)].map((m) => [m[1], m[2]]));
  }

  it('creates the database, then a table per dataset in catalogue order', () => {
    expect(sql).toContain(
      '-- Seasons (partition projection): 2023-24, 2024-25; run again with --season to change them.\n',
    );
    const tables = [...sql.matchAll(/^CREATE EXTERNAL TABLE IF NOT EXISTS nba\.(\w+) \($/gm)].map(
      (m) => m[1],
    );
    expect(tables).toEqual(DATASET_NAMES.map((d) => d.replaceAll('-', '_')));
    expect(sql.indexOf('CREATE DATABASE IF NOT EXISTS nba;')).toBeLessThan(
      sql.indexOf('CREATE EXTERNAL TABLE'),
    );
  });

  it('projects season and month on the layout the product writes', () => {
    for (const dataset of DATASET_NAMES) {
      const statement = statementOf(dataset);
      const root = `s3://${bucket}/${PREFIX}/${dataset}/`;
      expect(statement).toContain(`\nSTORED AS PARQUET\nLOCATION '${root}'\n`);
      const month =
        dataset === 'players'
          ? {}
          : {
              'projection.month.type': 'integer',
              'projection.month.range': '1,12',
              'projection.month.digits': '2',
            };
      expect(properties(statement)).toEqual({
        'parquet.compression': 'SNAPPY',
        'projection.enabled': 'true',
        'projection.season.type': 'enum',
        'projection.season.values': '2023-24,2024-25',
        ...month,
        'storage.location.template':
          dataset === 'players' ? `${root}season=\${season}/` : `${root}season=\${season}/month=\${month}/`,
      });
      expect(statement).toContain(
        dataset === 'players'
          ? '\nPARTITIONED BY (`season` string)\n'
          : '\nPARTITIONED BY (`season` string, `month` string)\n',
      );
      // The files' own season column is the partition column, declared once.
      expect(statement.match(/`season`/g)).toHaveLength(1);
    }
  });

  it('projects a real key of every dataset onto its template', async () => {
    const keys = await reader.keys(`${PREFIX}/`);
    for (const dataset of DATASET_NAMES) {
      const template = properties(statementOf(dataset))['storage.location.template'] ?? '';
      const pattern = new RegExp(
        `^${template
          .replace(`s3://${bucket}/`, '')
          .replace(/\$\{season\}/, '\\d{4}-\\d{2}')
          .replace(/\$\{month\}/, '\\d{2}')}[^/]+\\.parquet$`,
      );
      expect(
        keys.filter((key) => key.startsWith(`${PREFIX}/${dataset}/`)).every((key) => pattern.test(key)),
      ).toBe(true);
    }
  });
});

describe('planner catalog --format spark', () => {
  it('reads through s3a:// by default and repairs each table', async () => {
    const sql = await catalog('--format', 'spark', '--datasets', 'games,players');
    expect(sql).toContain(
      `LOCATION 's3a://${bucket}/${PREFIX}/games/';\nMSCK REPAIR TABLE nba_bronze.games;`,
    );
    expect(sql).toContain(
      `LOCATION 's3a://${bucket}/${PREFIX}/players/';\nMSCK REPAIR TABLE nba_bronze.players;`,
    );
  });
});

describe('planner catalog flags', () => {
  it('--help lists the flags and examples', async () => {
    const help = await runApp('planner', ['catalog', '--help'], { PATH: process.env.PATH });
    expect(help.code).toBe(0);
    for (const flag of [
      '--format <engine>',
      '--location <base>',
      '--season <list>',
      '--database <name>',
      '--datasets <list>',
    ])
      expect(help.stdout).toContain(flag);
    expect(help.stdout).toContain('(choices: "athena", "duckdb",');
    expect(help.stdout).toContain('\nExamples:\n  pnpm planner catalog --format duckdb --location');
  });

  it('names a bad format, season or dataset and exits 1', async () => {
    const env = { PATH: process.env.PATH, AWS_REGION: 'us-east-1', S3_BUCKET_NAME: 'b' };
    const format = await runApp('planner', ['catalog', '--format', 'trino'], env);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain(
      "option '--format <engine>' argument 'trino' is invalid. Allowed choices are athena, duckdb, spark.",
    );
    const season = await runApp(
      'planner',
      ['catalog', '--format', 'athena', '--season', '2024-25..2019-20'],
      env,
    );
    expect(season.code).toBe(1);
    expect(season.stderr).toContain(
      'seasons: expected a range FIRST..LAST with FIRST not after LAST, got "2024-25..2019-20"',
    );
    const dataset = await runApp(
      'planner',
      ['catalog', '--format', 'duckdb', '--datasets', 'games,boxscores'],
      env,
    );
    expect(dataset.code).toBe(1);
    expect(dataset.stderr).toContain('expected comma-separated datasets of games, players,');
    expect(format.stdout + season.stdout + dataset.stdout).toBe('');
  });
});
