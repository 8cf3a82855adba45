/**
 * Writes docs/DATA.md, the data dictionary of the Bronze layer, from the dataset schemas, the S3
 * layout and the quality checks: `pnpm docs:data`. `--check` only compares and exits 1 when the
 * file is stale (test/data-dictionary.test.ts does the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  athenaTable,
  type ColumnType,
  DATASET_CHECKS,
  DATASET_NAMES,
  DATASET_SCHEMAS,
  type DatasetName,
  datasetKey,
  HIVE_TYPES,
  isPerGameDataset,
  rawKey,
} from '@repo/shared/bronze';
import { DEFAULT_GAME_REQUEST_NAMES, ENDPOINTS, REQUEST_NAMES, type RequestName } from '@repo/shared/nba';

export const DATA_DICTIONARY_PATH = new URL('../docs/DATA.md', import.meta.url);

const PREFIX = 'historical-backfill';
const SEASON = '2024-25';
const EXAMPLE = { outputPrefix: PREFIX, season: SEASON, gameDate: '2024-10-22', gameId: '0022400061' };
/** Marks the DuckDB queries that test/data-dictionary.test.ts runs against a real run's output. */
export const DUCKDB_BEGIN = '<!-- duckdb-examples:begin -->';
export const DUCKDB_END = '<!-- duckdb-examples:end -->';

const TYPES: Readonly<Record<ColumnType, { parquet: string; duckdb: string }>> = {
  UTF8: { parquet: 'BYTE_ARRAY (UTF8)', duckdb: 'VARCHAR' },
  INT32: { parquet: 'INT32', duckdb: 'INTEGER' },
  INT64: { parquet: 'INT64', duckdb: 'BIGINT' },
  DOUBLE: { parquet: 'DOUBLE', duckdb: 'DOUBLE' },
  BOOLEAN: { parquet: 'BOOLEAN', duckdb: 'BOOLEAN' },
  TIMESTAMP_MILLIS: { parquet: 'INT64 (TIMESTAMP_MILLIS, UTC)', duckdb: 'TIMESTAMP' },
  DATE: { parquet: 'INT32 (DATE)', duckdb: 'DATE' },
};

/** The request that writes each dataset. */
function writerOf(dataset: DatasetName): RequestName {
  const request = REQUEST_NAMES.find((name) => ENDPOINTS[name].datasets.includes(dataset));
  if (request === undefined) throw new Error(`no endpoint writes ${dataset}`);
  return request;
}

function keyOf(dataset: DatasetName): string {
  return datasetKey({ ...EXAMPLE, dataset });
}

/** Escapes a table cell: pipes would end the cell. */
const cell = (text: string) => text.replaceAll('|', '\\|');

function writtenBy(dataset: DatasetName): string {
  const request = writerOf(dataset);
  const endpoint = `\`${request}\` (\`${ENDPOINTS[request].endpoint}\`)`;
  if (request === 'schedule') return `${endpoint}, by \`planner enqueue season\``;
  if (request === 'players') return `${endpoint}, one job per season`;
  const optIn = (DEFAULT_GAME_REQUEST_NAMES as readonly string[]).includes(request)
    ? ''
    : `; off by default, on with \`ENDPOINTS=${[...DEFAULT_GAME_REQUEST_NAMES, request].join(',')}\``;
  return `${endpoint}, one job per game${optIn}`;
}

function overview(): string[] {
  const lines = ['| dataset | one row per | written by | example key |', '|---|---|---|---|'];
  for (const dataset of DATASET_NAMES) {
    const { grain } = DATASET_SCHEMAS[dataset];
    lines.push(
      `| [\`${dataset}\`](#${dataset}) | ${cell(grain.replace(/^one row per /, ''))} | ${writtenBy(dataset)} | \`${keyOf(dataset)}\` |`,
    );
  }
  return lines;
}

function rawLayout(): string[] {
  const lines = ['| request | endpoint | raw key |', '|---|---|---|'];
  for (const request of REQUEST_NAMES) {
    const id = request === 'schedule' ? 'regular-season' : request === 'players' ? 'players' : EXAMPLE.gameId;
    const key = rawKey({ outputPrefix: PREFIX, request, season: SEASON, id });
    lines.push(`| \`${request}\` | \`${ENDPOINTS[request].endpoint}\` | \`${key}\` |`);
  }
  return lines;
}

function typeTable(): string[] {
  const lines = ['| schema type | Parquet | DuckDB | Athena |', '|---|---|---|---|'];
  for (const [type, mapped] of Object.entries(TYPES) as [ColumnType, (typeof TYPES)[ColumnType]][]) {
    lines.push(`| \`${type}\` | ${mapped.parquet} | ${mapped.duckdb} | ${HIVE_TYPES[type]} |`);
  }
  return lines;
}

/** The Athena table of DATA.md: `planner catalog --format athena`'s, for a placeholder bucket. */
function athenaExample(dataset: DatasetName): string[] {
  const sql = athenaTable(dataset, {
    location: `s3://YOUR_BUCKET/${PREFIX}`,
    database: 'bronze',
    seasons: [SEASON],
  });
  return ['```sql', sql, '```'];
}

function datasetSection(dataset: DatasetName): string[] {
  const schema = DATASET_SCHEMAS[dataset];
  const perGame = isPerGameDataset(dataset);
  const lines = [
    `### ${dataset}`,
    '',
    `One row per ${schema.grain.replace(/^one row per /, '')}. Written by ${writtenBy(dataset)}.`,
    '',
    `- Key: \`${PREFIX}/${dataset}/season=<YYYY-YY>/${dataset === 'players' ? 'players.parquet' : `month=<MM>/${perGame ? '<game_id>' : 'games'}.parquet`}\`, e.g. \`${keyOf(dataset)}\``,
    `- ${perGame ? "One file per game; `month` is the game date's month." : dataset === 'games' ? 'One file per month of the season, every season type together.' : 'One file per season.'}`,
    '',
    '| # | column | type | nullable | meaning | source |',
    '|---|---|---|---|---|---|',
    ...schema.columns.map(
      (column, i) =>
        `| ${i + 1} | \`${column.name}\` | ${column.type} | ${column.nullable ? 'yes' : 'no'} | ${cell(column.description)} | \`${cell(column.source)}\` |`,
    ),
    '',
    'Quality checks:',
    '',
    ...DATASET_CHECKS[dataset].map(
      (check) => `- \`${check.name}\` (${check.dimension}): ${check.description}`,
    ),
    '',
    "Athena, with partition projection (no `MSCK REPAIR TABLE` needed), as `planner catalog --format athena --season 2019-20..2024-25` prints it for your bucket and seasons. `season` is a partition column there; the files' own `season` column holds the same value:",
    '',
    ...athenaExample(dataset),
  ];
  return lines;
}

const DUCKDB_QUERIES = [
  '```sql',
  '-- Player rows and games per month of box scores.',
  'SELECT season, month, count(*) AS player_rows, count(DISTINCT game_id) AS games',
  `FROM read_parquet('${PREFIX}/box-scores/*/*/*.parquet', hive_partitioning = true)`,
  'GROUP BY season, month',
  'ORDER BY season, month;',
  '```',
  '',
  '```sql',
  "-- Final score of every game, from the teams' total rows.",
  'SELECT game_id, game_date,',
  '       max(points) FILTER (WHERE is_home) AS home_points,',
  '       max(points) FILTER (WHERE NOT is_home) AS away_points',
  `FROM read_parquet('${PREFIX}/box-scores-teams/*/*/*.parquet', hive_partitioning = true)`,
  "WHERE row_kind = 'team'",
  'GROUP BY game_id, game_date',
  'ORDER BY game_date, game_id;',
  '```',
];

/** The whole of docs/DATA.md. Pure: the same schemas give the same bytes. */
export function renderDataDictionary(): string {
  const lines = [
    '# Bronze data dictionary',
    '',
    '<!-- Generated by scripts/gen-data-dictionary.ts from the dataset schemas, the S3 layout and the quality checks. Do not edit: run `pnpm docs:data`. -->',
    '',
    `Every dataset of the Bronze layer, under \`s3://$S3_BUCKET_NAME/$OUTPUT_PREFIX/\` (\`OUTPUT_PREFIX\` defaults to \`${PREFIX}\`), in Hive-style partitions \`season=YYYY-YY\` and \`month=MM\` (the game's date, US Eastern, as the API gives it). Files are SNAPPY-compressed Parquet with explicit column types, never inferred. Columns are the snake_case of the API's names, plus \`season\`, \`season_type\`, \`game_id\` and \`game_date\` where they apply, and the lineage columns \`_source_endpoint\` and \`_ingested_at\`. Keys are a pure function of season, dataset and game: a re-run overwrites a file with the same rows.`,
    '',
    '## Datasets',
    '',
    ...overview(),
    '',
    'Beside the datasets, `_raw/` keeps every API body exactly as received (gzipped), so `planner rebuild` can regenerate every file after a schema change without one API call. Prefixes starting with `_` are hidden from Hive, Athena and Spark.',
    '',
    ...rawLayout(),
    '',
    '## Types',
    '',
    ...typeTable(),
    '',
    '## Quality',
    '',
    "Each file is scored in [0, 1]: the share of its dataset's applicable checks (listed per dataset below) that pass, every check weighing the same and failing when any row fails it, rounded down to 4 decimals, so 1 means every check passed. Checks that compare with another file (a box score's players with its team rows, a play-by-play's last score with the box score, `games` with the stored schedule) run where both are at hand: the worker scores the datasets of one response together, `planner verify` reads each game's files together. The S3 object metadata carries `quality-score` and, when checks failed, `quality-failed-checks` (`<dataset>.<check>`, comma-separated). `planner verify --min-quality 0.95` lists every file below the threshold.",
    '',
    '## Reading with DuckDB',
    '',
    `Copy the datasets (\`aws s3 sync s3://YOUR_BUCKET/${PREFIX}/ ${PREFIX}/ --exclude '_*'\`) and query the copy, or load DuckDB's \`httpfs\` and use \`s3://YOUR_BUCKET/${PREFIX}/...\` paths. \`pnpm planner catalog --format duckdb --location <the copy>\` prints one view per dataset over it (\`--format athena\` or \`spark\`: those engines' tables). By hand: \`hive_partitioning = true\` turns the \`season=\` and \`month=\` folders into columns; add \`hive_types = {'season': VARCHAR, 'month': VARCHAR}\`, or DuckDB may guess \`month\` a number. \`month\` sorts as text, so order by \`game_date\` for season order. While files of two schema versions coexist (before \`planner rebuild\`), add \`union_by_name = true\`.`,
    '',
    DUCKDB_BEGIN,
    ...DUCKDB_QUERIES,
    DUCKDB_END,
    '',
    '## Datasets in detail',
    '',
    ...DATASET_NAMES.flatMap((dataset) => [...datasetSection(dataset), '']),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

function main(args: readonly string[]): void {
  const fresh = renderDataDictionary();
  if (args.includes('--check')) {
    const current = readFileSync(DATA_DICTIONARY_PATH, 'utf8');
    if (current !== fresh) {
      process.stderr.write('docs/DATA.md is stale: run `pnpm docs:data`\n');
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(DATA_DICTIONARY_PATH, fresh);
  process.stdout.write(`wrote docs/DATA.md (${DATASET_NAMES.length} datasets)\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  main(process.argv.slice(2));
