import {
  CATALOG_FORMATS,
  type CatalogFormat,
  DATASET_NAMES,
  type DatasetName,
  DEFAULT_CATALOG_DATABASE,
  defaultCatalogLocation,
  renderCatalog,
} from '@repo/shared/bronze';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { loadPlannerConfig } from '../context.js';
import { seasonsFlag } from '../flags.js';

interface CatalogFlags {
  readonly format: CatalogFormat;
  readonly location?: string;
  readonly season?: readonly string[];
  readonly database: string;
  readonly datasets?: readonly DatasetName[];
}

/** `--datasets games,box-scores`: known names only, each once. */
function datasetsFlag(value: string): DatasetName[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const known: readonly string[] = DATASET_NAMES;
  const unknown = names.filter((name) => !known.includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(
      `expected comma-separated datasets of ${DATASET_NAMES.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return [...new Set(names)] as DatasetName[];
}

/**
 * `planner catalog`: prints the table definitions of the Bronze layer for a query engine. It reads
 * the configuration only (bucket, prefix, season) and opens no connection: no Redis, S3 or NBA.
 */
export function registerCatalogCommand(program: Command): void {
  program
    .command('catalog')
    .description(
      'print the table definitions of the Bronze datasets for a query engine (Athena tables with partition projection, DuckDB views, Spark SQL tables), derived from the dataset schemas; connects to nothing',
    )
    .addOption(
      new Option('--format <engine>', 'the engine the SQL is for')
        .choices([...CATALOG_FORMATS])
        .makeOptionMandatory(),
    )
    .option(
      '--location <base>',
      'where the datasets are, instead of s3://S3_BUCKET_NAME/OUTPUT_PREFIX (s3a:// for spark): a local copy or another bucket',
    )
    .option(
      '--season <list>',
      "seasons of Athena's partition projection: YYYY-YY, a comma list or a range FIRST..LAST (default: env SEASON); DuckDB and Spark read every season present",
      seasonsFlag,
    )
    .option('--database <name>', 'database of the Athena and Spark tables', DEFAULT_CATALOG_DATABASE)
    .option(
      '--datasets <list>',
      `comma-separated datasets (default: all of ${DATASET_NAMES.join(', ')}); DuckDB needs a file of each`,
      datasetsFlag,
    )
    .addHelpText(
      'after',
      `
The SQL goes to stdout: a header comment (generator, location, seasons), then one definition per
dataset in catalogue order. In Athena and Spark, \`season\` (and \`month\`) are partition columns
taken from the folders; the files' own \`season\` column holds the same value.

Examples:
  pnpm planner catalog --format duckdb --location ./historical-backfill > catalog.sql
  duckdb bronze.duckdb < catalog.sql                 a view per dataset over a local copy
  pnpm planner catalog --format duckdb --location /tmp/lake/historical-backfill --datasets games,box-scores
  pnpm planner catalog --format athena --season 2019-20..2024-25 --database nba
  pnpm planner catalog --format spark --location s3a://other-bucket/nba`,
    )
    .action((flags: CatalogFlags) => {
      const config = loadPlannerConfig();
      const sql = renderCatalog({
        format: flags.format,
        location:
          flags.location ?? defaultCatalogLocation(flags.format, config.s3BucketName, config.outputPrefix),
        seasons: flags.season ?? [config.season],
        database: flags.database,
        datasets: flags.datasets,
      });
      process.stdout.write(sql);
    });
}
