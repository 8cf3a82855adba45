export {
  type CellValue,
  type ColumnSpec,
  type ColumnType,
  DATASET_NAMES,
  type DatasetName,
  type DatasetSchema,
  type Row,
} from './dataset-schema.js';
