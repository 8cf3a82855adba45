import type { CheckDefinition, DatasetSchema } from '../dataset-schema.js';
import { BOX_SCORES_SCHEMA } from './box-scores.js';
import { BOX_SCORES_ADVANCED_SCHEMA } from './box-scores-advanced.js';
import { BOX_SCORES_TEAMS_SCHEMA } from './box-scores-teams.js';
import { checksOf } from './checks/common-checks.js';
import { GAMES_SCHEMA } from './games.js';
import { PLAY_BY_PLAY_SCHEMA } from './play-by-play.js';
import { PLAYERS_SCHEMA } from './players.js';

/**
 * The dataset catalogue: every Bronze dataset, once, in the order listings show them. A new
 * dataset is its file (columns, partitioning, plausible rows and quality checks) and one line
 * here; its name, the S3 layout, the quality score and `planner verify`'s row check follow, and
 * DATA.md's test then asks for its dictionary.
 */
const CATALOGUE = [
  GAMES_SCHEMA,
  PLAYERS_SCHEMA,
  BOX_SCORES_SCHEMA,
  BOX_SCORES_TEAMS_SCHEMA,
  PLAY_BY_PLAY_SCHEMA,
  BOX_SCORES_ADVANCED_SCHEMA,
] as const;

/** Datasets of the Bronze layer; each is one top-level prefix under OUTPUT_PREFIX. */
export type DatasetName = (typeof CATALOGUE)[number]['dataset'];
export const DATASET_NAMES: readonly DatasetName[] = CATALOGUE.map((schema) => schema.dataset);

/** The schema of every Bronze dataset; the Parquet writer looks schemas up here by name. */
export const DATASET_SCHEMAS = Object.fromEntries(
  CATALOGUE.map((schema) => [schema.dataset, schema]),
) as Readonly<Record<DatasetName, DatasetSchema<DatasetName>>>;

/** Every quality check of every dataset (`checksOf`), in the order reports list them. */
export const DATASET_CHECKS = Object.fromEntries(
  CATALOGUE.map((schema) => [schema.dataset, checksOf(schema)]),
) as Readonly<Record<DatasetName, readonly CheckDefinition[]>>;
