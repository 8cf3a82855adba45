export { DATASET_CHECKS } from './dataset-checks.js';
export { checkFileColumns, type FileColumn } from './file-columns.js';
export { implausibleRowCount } from './plausible-rows.js';
export { finalScoreOf, finalScoreOutcome } from './play-by-play-checks.js';
export { qualityMetadata } from './quality-metadata.js';
export {
  type CheckDefinition,
  type CheckOutcome,
  combineChecks,
  type FinalScore,
  type QualityCheck,
  type QualityContext,
  type QualityDimension,
  type QualityReport,
} from './quality-report.js';
export { checkDataset, type DatasetRows, scoreDataset, scoreItem } from './score-dataset.js';
