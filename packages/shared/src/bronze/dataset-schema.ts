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
  /**
   * The dataset's own quality checks (DESIGN §7), in the order reports list them; every dataset
   * also gets `rows-present` and `required-fields` first (`checksOf`).
   */
  readonly checks: readonly CheckDefinition[];
}

export type CellValue = string | number | boolean | Date | null;
/** One row keyed by column name. */
export type Row = Readonly<Record<string, CellValue>>;

/** The three families of checks of DESIGN §7. */
export type QualityDimension = 'completeness' | 'validity' | 'consistency';

/** What checks may compare rows with, beyond the rows themselves; each field enables checks. */
export interface QualityContext {
  /** `box-scores-teams` rows of the same game: enables `team-totals` on `box-scores`. */
  readonly teamRows?: readonly Row[] | undefined;
  /** The game's final points from its box score: enables `final-score` on `play-by-play`. */
  readonly finalScore?: FinalScore | undefined;
  /** Game ids the stored schedule lists for these `games` rows: enables `scheduled-games`. */
  readonly scheduledGameIds?: readonly string[] | undefined;
}

export interface FinalScore {
  readonly home: number;
  readonly away: number;
}

/** What one check found in some rows. */
export interface CheckOutcome {
  /** Rows (or teams, games) examined. */
  readonly checked: number;
  /** How many of those failed. */
  readonly failures: number;
  /** The first failures, described; empty when none failed. */
  readonly examples: readonly string[];
}

/** One quality check of a dataset: data, so the data dictionary can list every check. */
export interface CheckDefinition {
  /** kebab-case, unique within the dataset, e.g. `points-formula`. */
  readonly name: string;
  readonly dimension: QualityDimension;
  /** One line for the data dictionary. */
  readonly description: string;
  /** Undefined when the check does not apply (its context is missing). Pure. */
  run(rows: readonly Row[], context: QualityContext): CheckOutcome | undefined;
}
