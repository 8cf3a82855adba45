export {
  type CellValue,
  type ColumnSpec,
  type ColumnType,
  DATASET_NAMES,
  type DatasetName,
  type DatasetSchema,
  type Row,
} from './dataset-schema.js';
export { checkRowsAgainstSchema } from './datasets/check-rows.js';
export { DATASET_SCHEMAS } from './datasets/dataset-schemas.js';
export {
  ParquetRowError,
  type ParquetRowErrorOptions,
  StorageError,
  type StorageErrorOptions,
  type StorageOperation,
} from './errors.js';
export {
  type DatasetsWrite,
  type ItemWrite,
  planFiles,
  type WrittenObject,
  writeDatasets,
  writeItem,
  writeRaw,
} from './item-writer.js';
export { writeParquet } from './parquet-writer.js';
export {
  checkpointKey,
  dailyProgressKey,
  datasetKey,
  datasetSeasonPrefix,
  gameIdOfKey,
  isPerGameDataset,
  monthOf,
  quarantineKey,
  rawKey,
  rawSeasonPrefix,
  slugOf,
} from './s3-layout.js';
export {
  BronzeStore,
  type BronzeStoreOptions,
  type ListedObject,
  type ObjectHead,
  type PutOptions,
} from './store.js';
export { createBronzeStore } from './store-from-config.js';
