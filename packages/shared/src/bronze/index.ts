export type {
  CellValue,
  CheckDefinition,
  CheckOutcome,
  ColumnSpec,
  ColumnType,
  DatasetSchema,
  FinalScore,
  QualityContext,
  QualityDimension,
  Row,
} from './dataset-schema.js';
export { BOX_SCORE_TEAM_ROOT } from './datasets/box-score-columns.js';
export { BOX_SCORES_SCHEMA } from './datasets/box-scores.js';
export {
  ADVANCED_PLAYER_ROOT,
  ADVANCED_STATS_ROOT,
  BOX_SCORES_ADVANCED_SCHEMA,
} from './datasets/box-scores-advanced.js';
export { BOX_SCORES_TEAMS_SCHEMA, TEAM_TOTALS_ROOT, type TeamRowKind } from './datasets/box-scores-teams.js';
export {
  DATASET_CHECKS,
  DATASET_NAMES,
  DATASET_SCHEMAS,
  type DatasetName,
} from './datasets/catalogue.js';
export { checkRowsAgainstSchema, isIsoDate, matchesColumnType } from './datasets/check-rows.js';
export { minutesSeconds } from './datasets/checks/clock-formats.js';
export { GAMES_SCHEMA } from './datasets/games.js';
export {
  finalScoreOf,
  finalScoreOutcome,
  lastScoreOf,
  PLAY_BY_PLAY_SCHEMA,
} from './datasets/play-by-play.js';
export { PLAYERS_SCHEMA } from './datasets/players.js';
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
export {
  METADATA_KEYS,
  type MetadataField,
  type ObjectMetadata,
  objectMetadata,
} from './object-metadata.js';
export { writeParquet } from './parquet-writer.js';
export {
  type AthenaTableOptions,
  athenaTable,
  CATALOG_FORMATS,
  type CatalogFormat,
  type CatalogOptions,
  DEFAULT_CATALOG_DATABASE,
  defaultCatalogLocation,
  duckdbView,
  HIVE_TYPES,
  renderCatalog,
  type SparkTableOptions,
  sparkTable,
  tableNameOf,
} from './query-catalog.js';
export { type RawBody, readRawBody } from './raw-body.js';
export {
  checkpointKey,
  dailyProgressKey,
  datasetGlob,
  datasetKey,
  datasetPartitionKeys,
  datasetPartitionTemplate,
  datasetRoot,
  datasetSeasonPrefix,
  gameIdOfKey,
  isPerGameDataset,
  legacyCheckpointKey,
  monthOf,
  type PartitionKey,
  quarantineKey,
  rawIdOf,
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
