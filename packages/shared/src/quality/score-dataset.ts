import {
  DATASET_CHECKS,
  DATASET_NAMES,
  type DatasetName,
  finalScoreOf,
  type QualityContext,
  type Row,
} from '../bronze/index.js';
import { combineChecks, type QualityCheck, type QualityReport } from './quality-report.js';

/** Rows per dataset, as a parser returns them (`ParsedRows`) or a reader reads them back. */
export type DatasetRows = Partial<Record<DatasetName, readonly Row[]>>;

/** Runs every applicable check of a dataset on its rows. Pure. */
export function checkDataset(
  dataset: DatasetName,
  rows: readonly Row[],
  context: QualityContext = {},
): QualityCheck[] {
  const checks: QualityCheck[] = [];
  for (const definition of DATASET_CHECKS[dataset]) {
    const outcome = definition.run(rows, context);
    if (outcome === undefined) continue;
    checks.push({
      name: definition.name,
      dataset,
      dimension: definition.dimension,
      passed: outcome.failures === 0,
      checked: outcome.checked,
      failures: outcome.failures,
      detail: outcome.failures === 0 ? '' : outcome.examples.join('; '),
    });
  }
  return checks;
}

/**
 * The quality of one dataset's rows (one file): completeness, validity and consistency checks
 * combined into a score in [0, 1]. Cross-file checks run when `context` brings what they need.
 * @see DESIGN §7
 */
export function scoreDataset(
  dataset: DatasetName,
  rows: readonly Row[],
  context: QualityContext = {},
): QualityReport {
  return combineChecks(checkDataset(dataset, rows, context));
}

/**
 * The quality of one job's rows (every dataset one response produced), scored together: the
 * box score's player rows are checked against its team rows, and a play-by-play against the
 * box score when `context.finalScore` (or box-score team rows in `rows`) gives its points.
 */
export function scoreItem(rows: DatasetRows, context: QualityContext = {}): QualityReport {
  const teamRows = rows['box-scores-teams'] ?? context.teamRows;
  const finalScore = context.finalScore ?? (teamRows === undefined ? undefined : finalScoreOf(teamRows));
  const checks: QualityCheck[] = [];
  for (const dataset of DATASET_NAMES) {
    const datasetRows = rows[dataset];
    if (datasetRows === undefined) continue;
    checks.push(...checkDataset(dataset, datasetRows, { ...context, teamRows, finalScore }));
  }
  return combineChecks(checks);
}
