export { checkFileColumns, type FileColumn } from './file-columns.js';
export { implausibleRowCount } from './plausible-rows.js';
export { qualityMetadata } from './quality-metadata.js';
export { combineChecks, type QualityCheck, type QualityReport } from './quality-report.js';
export { checkDataset, type DatasetRows, scoreDataset, scoreItem } from './score-dataset.js';
