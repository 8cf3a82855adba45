import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, DATASET_SCHEMAS } from './datasets/catalogue.js';
import {
  athenaTable,
  defaultCatalogLocation,
  duckdbView,
  renderCatalog,
  sparkTable,
  tableNameOf,
} from './query-catalog.js';
import { datasetGlob, datasetKey, datasetPartitionKeys, datasetPartitionTemplate } from './s3-layout.js';

const S3 = 's3://nba-bronze/historical-backfill';
const athena = { location: S3, database: 'nba_bronze', seasons: ['2023-24', '2024-25'] } as const;

/** `'key' = 'value'` pairs of an Athena statement's TBLPROPERTIES, in order. */
function tableProperties(sql: string): [string, string][] {
  const body = sql.slice(sql.indexOf('TBLPROPERTIES ('));
  return [...body.matchAll(/^ {2}'([^']+)' = '([^']*)',?$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']);
}

/** The column lines of a CREATE statement: name and type. */
function columnsOf(sql: string): [string, string][] {
  const body = sql.slice(sql.indexOf('(\n') + 2, sql.indexOf('\n)'));
  return body.split('\n').map((line) => {
    const match = /^ {2}`([^`]+)` (\w+),?$/.exec(line);
    if (!match) throw new Error(`not a column line: ${line}`);
    return [match[1] ?? '', match[2] ?? ''];
  });
}

describe('Athena tables', () => {
  it('project season as an enum and month as two-digit integers 01..12 on the key layout', () => {
    const sql = athenaTable('box-scores', athena);
    expect(sql.split('\n')[0]).toBe('CREATE EXTERNAL TABLE IF NOT EXISTS nba_bronze.box_scores (');
    expect(sql).toContain(
      [
        ')',
        'PARTITIONED BY (`season` string, `month` string)',
        'STORED AS PARQUET',
        `LOCATION '${S3}/box-scores/'`,
        'TBLPROPERTIES (',
      ].join('\n'),
    );
    expect(tableProperties(sql)).toEqual([
      ['parquet.compression', 'SNAPPY'],
      ['projection.enabled', 'true'],
      ['projection.season.type', 'enum'],
      ['projection.season.values', '2023-24,2024-25'],
      ['projection.month.type', 'integer'],
      ['projection.month.range', '1,12'],
      ['projection.month.digits', '2'],
      ['storage.location.template', `${S3}/box-scores/season=\${season}/month=\${month}/`],
    ]);
    expect(sql.endsWith(');')).toBe(true);
  });

  it('partition players by season alone', () => {
    const sql = athenaTable('players', athena);
    expect(sql).toContain('PARTITIONED BY (`season` string)\n');
    expect(tableProperties(sql)).toEqual([
      ['parquet.compression', 'SNAPPY'],
      ['projection.enabled', 'true'],
      ['projection.season.type', 'enum'],
      ['projection.season.values', '2023-24,2024-25'],
      ['storage.location.template', `${S3}/players/season=\${season}/`],
    ]);
  });

  it('declare every schema column once, with its Hive type, season as a partition column only', () => {
    for (const dataset of DATASET_NAMES) {
      const columns = columnsOf(athenaTable(dataset, athena));
      const expected = DATASET_SCHEMAS[dataset].columns.filter((column) => column.name !== 'season');
      expect(columns.map(([name]) => name)).toEqual(expected.map((column) => column.name));
      expect(columns.map(([name]) => name)).not.toContain('month');
    }
    const games = new Map(columnsOf(athenaTable('games', athena)));
    expect(games.get('team_id')).toBe('bigint');
    expect(games.get('pts')).toBe('int');
    expect(games.get('fg_pct')).toBe('double');
    expect(games.get('is_home')).toBe('boolean');
    expect(games.get('game_date')).toBe('date');
    expect(games.get('_ingested_at')).toBe('timestamp');
    expect(games.get('game_id')).toBe('string');
  });

  it('need an s3:// location', () => {
    expect(() => athenaTable('games', { ...athena, location: '/tmp/lake' })).toThrow(
      'location: Athena reads only s3://bucket[/prefix], got "/tmp/lake"',
    );
    expect(() => athenaTable('games', { ...athena, location: 's3a://b/x' })).toThrow(
      'Athena reads only s3://',
    );
    expect(() => athenaTable('games', { ...athena, location: 's3://' })).toThrow(
      'location: expected s3://bucket[/prefix], got "s3://"',
    );
  });
});

describe('DuckDB views', () => {
  it('read every file of the dataset with its partition folders as VARCHAR', () => {
    expect(duckdbView('box-scores', '/tmp/lake/historical-backfill/')).toBe(
      [
        'CREATE OR REPLACE VIEW box_scores AS',
        "SELECT * FROM read_parquet('/tmp/lake/historical-backfill/box-scores/season=*/month=*/*.parquet', hive_partitioning = true, hive_types = {'season': VARCHAR, 'month': VARCHAR}, union_by_name = true);",
      ].join('\n'),
    );
    expect(duckdbView('players', `${S3}//`)).toBe(
      [
        'CREATE OR REPLACE VIEW players AS',
        `SELECT * FROM read_parquet('${S3}/players/season=*/*.parquet', hive_partitioning = true, hive_types = {'season': VARCHAR}, union_by_name = true);`,
      ].join('\n'),
    );
  });

  it('refuse a location that does not fit a string literal', () => {
    expect(() => duckdbView('games', "/tmp/it's")).toThrow(
      'location: expected no quote, backslash or control character, got "/tmp/it\'s"',
    );
    expect(() => duckdbView('games', '')).toThrow('location: expected an S3 URL or a folder, got ""');
  });
});

describe('Spark SQL tables', () => {
  it('are data source tables with the partition columns last, then MSCK REPAIR TABLE', () => {
    const sql = sparkTable('play-by-play', {
      location: 's3a://nba-bronze/historical-backfill',
      database: 'nba_bronze',
    });
    const columns = columnsOf(sql);
    expect(columns.slice(-2)).toEqual([
      ['season', 'string'],
      ['month', 'string'],
    ]);
    expect(columns.filter(([name]) => name === 'season')).toHaveLength(1);
    expect(columns).toHaveLength(DATASET_SCHEMAS['play-by-play'].columns.length + 1);
    expect(sql.split('\n')[0]).toBe('CREATE TABLE IF NOT EXISTS nba_bronze.play_by_play (');
    expect(
      sql.endsWith(
        [
          ')',
          'USING PARQUET',
          'PARTITIONED BY (`season`, `month`)',
          "LOCATION 's3a://nba-bronze/historical-backfill/play-by-play/';",
          'MSCK REPAIR TABLE nba_bronze.play_by_play;',
        ].join('\n'),
      ),
    ).toBe(true);
  });

  it('partition players by season alone', () => {
    const sql = sparkTable('players', { location: '/data/lake', database: 'bronze' });
    expect(columnsOf(sql).at(-1)).toEqual(['season', 'string']);
    expect(sql).toContain("PARTITIONED BY (`season`)\nLOCATION '/data/lake/players/';");
  });
});

describe('renderCatalog', () => {
  it('says what generated it, where and for which seasons, then each dataset in catalogue order', () => {
    const sql = renderCatalog({
      format: 'athena',
      location: `${S3}/`,
      seasons: ['2023-24', '2024-25'],
      datasets: ['play-by-play', 'games'],
    });
    expect(sql.split('\n').slice(0, 4)).toEqual([
      '-- Athena catalog of the Bronze layer, generated by `planner catalog --format athena` from the dataset schemas.',
      `-- Location: ${S3}`,
      '-- Seasons (partition projection): 2023-24, 2024-25; run again with --season to change them.',
      '-- Athena runs one statement per query: run them one by one.',
    ]);
    const statements = [...sql.matchAll(/^CREATE \w+(?: \w+)* IF NOT EXISTS (\S+)/gm)].map((m) => m[1]);
    expect(statements).toEqual(['nba_bronze;', 'nba_bronze.games', 'nba_bronze.play_by_play']);
    expect(sql.endsWith(');\n')).toBe(true);
  });

  it('gives every dataset by default, the same bytes each time', () => {
    const options = { format: 'duckdb', location: '/tmp/lake/hb', seasons: ['2024-25'] } as const;
    const sql = renderCatalog(options);
    const views = [...sql.matchAll(/^CREATE OR REPLACE VIEW (\w+) AS$/gm)].map((m) => m[1]);
    expect(views).toEqual(DATASET_NAMES.map(tableNameOf));
    expect(sql).not.toContain('CREATE DATABASE');
    expect(sql).toContain('-- Seasons: every season= folder under the location.');
    expect(renderCatalog(options)).toBe(sql);
  });

  it('creates the Spark database first', () => {
    const sql = renderCatalog({
      format: 'spark',
      location: 's3a://b/p',
      seasons: ['2024-25'],
      database: 'nba',
    });
    expect(sql).toContain('\n\nCREATE DATABASE IF NOT EXISTS nba;\n\nCREATE TABLE IF NOT EXISTS nba.games (');
    expect([...sql.matchAll(/^MSCK REPAIR TABLE (\S+);$/gm)].map((m) => m[1])).toEqual(
      DATASET_NAMES.map((dataset) => `nba.${tableNameOf(dataset)}`),
    );
  });

  it('refuses bad databases, seasons and empty dataset lists', () => {
    const base = { format: 'spark', location: 's3a://b/p', seasons: ['2024-25'] } as const;
    expect(() => renderCatalog({ ...base, database: 'nba-bronze' })).toThrow(
      'database: expected lower-case letters, digits and underscores, not starting with a digit, got "nba-bronze"',
    );
    expect(() => renderCatalog({ ...base, seasons: [] })).toThrow('seasons: expected at least one season');
    expect(() => renderCatalog({ ...base, seasons: ['2024-26'] })).toThrow(
      'seasons: expected YYYY-YY seasons, got "2024-26"',
    );
    expect(() => renderCatalog({ ...base, datasets: [] })).toThrow('datasets: expected at least one dataset');
  });
});

describe('defaultCatalogLocation', () => {
  it('is where the product writes, through s3a:// for Spark', () => {
    expect(defaultCatalogLocation('athena', 'nba-bronze', 'historical-backfill')).toBe(S3);
    expect(defaultCatalogLocation('duckdb', 'nba-bronze', 'historical-backfill')).toBe(S3);
    expect(defaultCatalogLocation('spark', 'nba-bronze', 'a/b')).toBe('s3a://nba-bronze/a/b');
  });
});

describe('the S3 layout as query engines see it', () => {
  /** `*` of a glob as one path segment's worth of anything. */
  const globPattern = (glob: string) =>
    new RegExp(`^${glob.replace(/[.+?^$()|[\]\\{}]/g, '\\$&').replaceAll('*', '[^/]*')}$`);
  const example = { outputPrefix: 'hb', season: '2024-25', gameDate: '2024-10-22', gameId: '0022400061' };

  it('has a glob that matches every key of the dataset, and a partition template its folder', () => {
    for (const dataset of DATASET_NAMES) {
      const key = datasetKey({ ...example, dataset });
      expect(key).toMatch(globPattern(datasetGlob('hb', dataset)));
      const folder = datasetPartitionTemplate('hb', dataset, (partition) =>
        partition === 'season' ? '2024-25' : '10',
      );
      expect(key.startsWith(folder)).toBe(true);
      expect(key.slice(folder.length)).not.toContain('/');
    }
  });

  it('partitions by season, and by month unless a dataset is stored per season', () => {
    expect(datasetPartitionKeys('players')).toEqual(['season']);
    for (const dataset of DATASET_NAMES.filter((name) => name !== 'players'))
      expect(datasetPartitionKeys(dataset)).toEqual(['season', 'month']);
  });
});
