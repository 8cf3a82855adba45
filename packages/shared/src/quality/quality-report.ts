import type { DatasetName, QualityDimension } from '../bronze/index.js';

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
