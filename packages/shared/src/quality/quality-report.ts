import type { DatasetName, Row } from '../bronze/index.js';

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

/** One check of a dataset: data, so the data dictionary can list every check. */
export interface CheckDefinition {
  /** kebab-case, unique within the dataset, e.g. `points-formula`. */
  readonly name: string;
  readonly dimension: QualityDimension;
  /** One line for the data dictionary. */
  readonly description: string;
  /** Undefined when the check does not apply (its context is missing). Pure. */
  run(rows: readonly Row[], context: QualityContext): CheckOutcome | undefined;
}

/** One check's verdict on one dataset's rows. */
export interface QualityCheck {
  readonly name: string;
  readonly dataset: DatasetName;
  readonly dimension: QualityDimension;
  readonly passed: boolean;
  readonly checked: number;
  readonly failures: number;
  /** '' when passed; else the first failures, e.g. `row 3 (person 1628378): points 70, expected 71`. */
  readonly detail: string;
}

/** The verdict on some rows: a score in [0, 1] and the checks behind it. */
export interface QualityReport {
  /**
   * Share of the applicable checks that passed, every check weighing the same, rounded down to
   * 4 decimals (so 1 means every check passed). A check fails when any row fails it.
   */
  readonly score: number;
  readonly checks: readonly QualityCheck[];
  /** `<dataset>.<check>` of every failed check, e.g. `box-scores.points-formula`. */
  readonly failedChecks: readonly string[];
}

/** Combines checks into a report; no checks at all scores 1 (nothing failed). */
export function combineChecks(checks: readonly QualityCheck[]): QualityReport {
  const passed = checks.filter((check) => check.passed).length;
  const score = checks.length === 0 ? 1 : Math.floor((passed / checks.length) * 10_000) / 10_000;
  return {
    score,
    checks,
    failedChecks: checks.filter((check) => !check.passed).map((check) => `${check.dataset}.${check.name}`),
  };
}
