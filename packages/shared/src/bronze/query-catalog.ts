import { isSeason } from '../identity/index.js';
import type { ColumnSpec, ColumnType } from './dataset-schema.js';
import { DATASET_NAMES, DATASET_SCHEMAS, type DatasetName } from './datasets/catalogue.js';
import {
  datasetGlob,
  datasetPartitionKeys,
  datasetPartitionTemplate,
  datasetRoot,
  type PartitionKey,
} from './s3-layout.js';

/**
 * Table definitions of the Bronze layer for query engines (`planner catalog`), derived from the
 * dataset schemas and the S3 layout, never written by hand.
 *
 * Every file carries a `season` column whose value is its `season=` folder's (both come from the
 * item's season). Athena and Spark refuse a column that is both a data and a partition column,
 * so there `season` is declared once, as a partition column: its value comes from the folder,
 * which prunes partitions, and the files' own copy is not read. DuckDB's `hive_partitioning`
 * puts the folder's value in the file's column of the same name (same result); its `hive_types`
 * keep `season` and `month` VARCHAR, since DuckDB would otherwise guess `month` a BIGINT in a
 * lake holding only October to December, and keep it VARCHAR (`01`) in another.
 */

export const CATALOG_FORMATS = ['athena', 'duckdb', 'spark'] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];

/** Athena's (Hive DDL) type of each column type; Spark SQL reads the same names. */
export const HIVE_TYPES: Readonly<Record<ColumnType, string>> = {
  UTF8: 'string',
  INT32: 'int',
  INT64: 'bigint',
  DOUBLE: 'double',
  BOOLEAN: 'boolean',
  TIMESTAMP_MILLIS: 'timestamp',
  DATE: 'date',
};

export const DEFAULT_CATALOG_DATABASE = 'nba_bronze';

export interface CatalogOptions {
  readonly format: CatalogFormat;
  /**
   * Where the datasets lie: the `s3://bucket/prefix` they are written under, another bucket, or a
   * local folder holding a copy (`/tmp/lake/historical-backfill`). Trailing slashes are ignored.
   */
  readonly location: string;
  /** The seasons Athena's partition projection lists (oldest first); named in the header. */
  readonly seasons: readonly string[];
  /** Database of the Athena and Spark tables (DuckDB views are created in the current schema). @defaultValue `nba_bronze` */
  readonly database?: string;
  /** @defaultValue every dataset, in catalogue order */
  readonly datasets?: readonly DatasetName[];
}

/**
 * `s3://<bucket>/<prefix>`, where the product writes: Athena and DuckDB read `s3://`, Spark's
 * Hadoop S3 connector `s3a://`.
 */
export function defaultCatalogLocation(format: CatalogFormat, bucket: string, outputPrefix: string): string {
  return `${format === 'spark' ? 's3a' : 's3'}://${bucket}/${outputPrefix}`;
}

/** `box-scores` → `box_scores`: SQL identifiers take no dashes. */
export function tableNameOf(dataset: DatasetName): string {
  return dataset.replaceAll('-', '_');
}

const DATABASE = /^[a-z_][a-z0-9_]*$/;
const S3_URL = /^s3a?:\/\/[^/]+/;
// Hive, Spark and DuckDB escape string literals differently; no location of ours needs these.
const UNQUOTABLE = /['\\\p{Cc}]/u;

/** The location without trailing slashes, checked to fit in a SQL string literal. */
function normalizeLocation(location: string): string {
  if (location.trim() === '') throw new Error('location: expected an S3 URL or a folder, got ""');
  if (UNQUOTABLE.test(location)) {
    throw new Error(
      `location: expected no quote, backslash or control character, got ${JSON.stringify(location)}`,
    );
  }
  if (/^s3a?:/.test(location) && !S3_URL.test(location)) {
    throw new Error(`location: expected s3://bucket[/prefix], got ${JSON.stringify(location)}`);
  }
  return location.replace(/\/+$/, '');
}

function checkDatabase(database: string): string {
  if (!DATABASE.test(database)) {
    throw new Error(
      `database: expected lower-case letters, digits and underscores, not starting with a digit, got ${JSON.stringify(database)}`,
    );
  }
  return database;
}

function checkSeasons(seasons: readonly string[]): readonly string[] {
  if (seasons.length === 0) throw new Error('seasons: expected at least one season');
  const bad = seasons.find((season) => !isSeason(season));
  if (bad !== undefined) throw new Error(`seasons: expected YYYY-YY seasons, got ${JSON.stringify(bad)}`);
  return seasons;
}

/** The data columns of a table: the schema's, less those its partition folders provide. */
function dataColumns(dataset: DatasetName): readonly ColumnSpec[] {
  const partitions: readonly string[] = datasetPartitionKeys(dataset);
  return DATASET_SCHEMAS[dataset].columns.filter((column) => !partitions.includes(column.name));
}

const columnList = (columns: readonly string[]) =>
  columns.map((column, i) => `  ${column}${i < columns.length - 1 ? ',' : ''}`);

const quoted = (name: string) => `\`${name}\``;

export interface AthenaTableOptions {
  /** `s3://bucket/prefix` of the datasets. */
  readonly location: string;
  readonly database: string;
  /** Values of `projection.season.values`. */
  readonly seasons: readonly string[];
}

/**
 * `CREATE EXTERNAL TABLE` with partition projection, so no `MSCK REPAIR TABLE` is needed:
 * `season` an enum of the given seasons; `month` the integers 1 to 12 written with two digits,
 * as the keys spell them (`month=MM`, the season folder holding the year). All twelve, because
 * seasons do not keep to October to June (2019-20 ended in October 2020, 2020-21 began in
 * December and ended in July); months without files are empty partitions, which Athena skips.
 */
export function athenaTable(dataset: DatasetName, options: AthenaTableOptions): string {
  const location = normalizeLocation(options.location);
  if (!S3_URL.test(location) || location.startsWith('s3a:')) {
    throw new Error(`location: Athena reads only s3://bucket[/prefix], got ${JSON.stringify(location)}`);
  }
  const database = checkDatabase(options.database);
  const seasons = checkSeasons(options.seasons);
  const partitions = datasetPartitionKeys(dataset);
  const projection: Readonly<Record<PartitionKey, readonly [string, string][]>> = {
    season: [
      ['projection.season.type', 'enum'],
      ['projection.season.values', seasons.join(',')],
    ],
    month: [
      ['projection.month.type', 'integer'],
      ['projection.month.range', '1,12'],
      ['projection.month.digits', '2'],
    ],
  };
  const properties: [string, string][] = [
    ['parquet.compression', 'SNAPPY'],
    ['projection.enabled', 'true'],
    ...partitions.flatMap((key) => projection[key]),
    ['storage.location.template', datasetPartitionTemplate(location, dataset, (key) => `\${${key}}`)],
  ];
  return [
    `CREATE EXTERNAL TABLE IF NOT EXISTS ${database}.${tableNameOf(dataset)} (`,
    ...columnList(dataColumns(dataset).map((column) => `${quoted(column.name)} ${HIVE_TYPES[column.type]}`)),
    ')',
    `PARTITIONED BY (${partitions.map((key) => `${quoted(key)} string`).join(', ')})`,
    'STORED AS PARQUET',
    `LOCATION '${datasetRoot(location, dataset)}/'`,
    'TBLPROPERTIES (',
    ...columnList(properties.map(([key, value]) => `'${key}' = '${value}'`)),
    ');',
  ].join('\n');
}

/**
 * A DuckDB view over every file of the dataset: `union_by_name` so files of two schema versions
 * (before `planner rebuild`) read together, missing columns as NULL. DuckDB binds the view when
 * it is created, so a dataset without any file fails here.
 */
export function duckdbView(dataset: DatasetName, location: string): string {
  const glob = datasetGlob(normalizeLocation(location), dataset);
  const hiveTypes = datasetPartitionKeys(dataset)
    .map((key) => `'${key}': VARCHAR`)
    .join(', ');
  return [
    `CREATE OR REPLACE VIEW ${tableNameOf(dataset)} AS`,
    `SELECT * FROM read_parquet('${glob}', hive_partitioning = true, hive_types = {${hiveTypes}}, union_by_name = true);`,
  ].join('\n');
}

export interface SparkTableOptions {
  /** `s3a://bucket/prefix`, or any folder Spark reads. */
  readonly location: string;
  readonly database: string;
}

/**
 * A Spark SQL data source table (partition columns last, as Spark orders them) and the
 * `MSCK REPAIR TABLE` that registers the partitions present; run it again when new ones land.
 */
export function sparkTable(dataset: DatasetName, options: SparkTableOptions): string {
  const location = normalizeLocation(options.location);
  const table = `${checkDatabase(options.database)}.${tableNameOf(dataset)}`;
  const partitions = datasetPartitionKeys(dataset);
  const columns = [
    ...dataColumns(dataset).map((column) => `${quoted(column.name)} ${HIVE_TYPES[column.type]}`),
    ...partitions.map((key) => `${quoted(key)} string`),
  ];
  return [
    `CREATE TABLE IF NOT EXISTS ${table} (`,
    ...columnList(columns),
    ')',
    'USING PARQUET',
    `PARTITIONED BY (${partitions.map(quoted).join(', ')})`,
    `LOCATION '${datasetRoot(location, dataset)}/';`,
    `MSCK REPAIR TABLE ${table};`,
  ].join('\n');
}

const ENGINES: Readonly<Record<CatalogFormat, string>> = {
  athena: 'Athena',
  duckdb: 'DuckDB',
  spark: 'Spark SQL',
};

function header(options: CatalogOptions, location: string, seasons: readonly string[]): string[] {
  const lines = [
    `-- ${ENGINES[options.format]} catalog of the Bronze layer, generated by \`planner catalog --format ${options.format}\` from the dataset schemas.`,
    `-- Location: ${location}`,
  ];
  if (options.format === 'athena') {
    lines.push(
      `-- Seasons (partition projection): ${seasons.join(', ')}; run again with --season to change them.`,
      '-- Athena runs one statement per query: run them one by one.',
    );
  } else {
    lines.push(
      `-- Seasons: every season= folder under the location${options.format === 'spark' ? ' when MSCK REPAIR TABLE runs' : ''}.`,
    );
  }
  if (options.format === 'duckdb') {
    lines.push('-- Each dataset needs at least one file there (choose them with --datasets).');
  }
  return lines;
}

/** The whole catalog for one engine: a header, then one definition per dataset in catalogue order. */
export function renderCatalog(options: CatalogOptions): string {
  const location = normalizeLocation(options.location);
  const seasons = checkSeasons(options.seasons);
  const database = checkDatabase(options.database ?? DEFAULT_CATALOG_DATABASE);
  const chosen = new Set(options.datasets ?? DATASET_NAMES);
  // Catalogue order, whatever order the caller named them in.
  const datasets = DATASET_NAMES.filter((dataset) => chosen.has(dataset));
  if (datasets.length === 0) throw new Error('datasets: expected at least one dataset');
  const statements = datasets.map((dataset) => {
    if (options.format === 'athena') return athenaTable(dataset, { location, database, seasons });
    if (options.format === 'duckdb') return duckdbView(dataset, location);
    return sparkTable(dataset, { location, database });
  });
  const preamble = options.format === 'duckdb' ? [] : [`CREATE DATABASE IF NOT EXISTS ${database};`];
  return `${[header(options, location, seasons).join('\n'), ...preamble, ...statements].join('\n\n')}\n`;
}
