/**
 * The shape of a Bronze dataset: an explicit, ordered list of typed columns. Parquet files are
 * written from this schema alone; types are never inferred from data.
 */

/**
 * Physical column types we write. `INT32` for counts, `INT64` for ids, `DOUBLE` for ratios,
 * `UTF8` for text, `BOOLEAN`, `TIMESTAMP_MILLIS` (UTC instants, e.g. `_ingested_at`) and `DATE`
 * (calendar days such as `game_date`, given as `YYYY-MM-DD` strings in rows).
 */
export type ColumnType = 'UTF8' | 'INT32' | 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMP_MILLIS' | 'DATE';

export interface ColumnSpec {
  /** snake_case column name. */
  readonly name: string;
  readonly type: ColumnType;
  /** Whether the value may be null. A null in a non-nullable column is a writer error. */
  readonly nullable: boolean;
  /** One line on what the column means, for the data dictionary. */
  readonly description: string;
  /** The API field it comes from (e.g. `statistics.fieldGoalsMade`), or `derived`. */
  readonly source: string;
}

/** `Name` is the dataset's own name (a literal in its file; `DatasetName` in the catalogue). */
export interface DatasetSchema<Name extends string = string> {
  readonly dataset: Name;
  /** What one row is, e.g. "one row per player per game". */
  readonly grain: string;
  readonly columns: readonly ColumnSpec[];
  /**
   * One Parquet file per what (DESIGN §4): a `game` (under its month), a `month` of games, or
   * the whole `season`. The S3 layout and the resume rule follow it.
   */
  readonly partitioning: 'game' | 'month' | 'season';
  /**
   * Row counts a file can plausibly have (`planner verify` flags others); none where the count
   * is exact instead (`games`: two rows per scheduled game).
   */
  readonly plausibleRows?: { readonly min: number; readonly max: number };
}

export type CellValue = string | number | boolean | Date | null;
/** One row keyed by column name. */
export type Row = Readonly<Record<string, CellValue>>;
