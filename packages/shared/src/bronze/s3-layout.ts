import { assertGameId } from '../identity/index.js';
import type { DatasetName } from './datasets/catalogue.js';
import { DATASET_SCHEMAS } from './datasets/catalogue.js';

/**
 * The only module that builds S3 keys (DESIGN §4). Keys are a pure function of (prefix,
 * dataset, season, month, game): a re-run overwrites the same object with the same rows.
 */

const SEASON = /^\d{4}-\d{2}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SEGMENT = /^[a-z0-9][a-z0-9-]*$/;

function assertSeason(season: string): void {
  if (!SEASON.test(season)) throw new Error(`season: expected YYYY-YY, got ${JSON.stringify(season)}`);
}

/** `2024-10-22` → `10`: the `month=` partition of a game (US Eastern date as the API gives it). */
export function monthOf(gameDate: string): string {
  const match = DATE.exec(gameDate);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    throw new Error(`game date: expected YYYY-MM-DD, got ${JSON.stringify(gameDate)}`);
  }
  return match[2] as string;
}

export interface DatasetKeyInput {
  readonly outputPrefix: string;
  readonly dataset: DatasetName;
  readonly season: string;
  /** Required for every dataset but `players`. */
  readonly gameDate?: string;
  /** Required for per-game datasets. */
  readonly gameId?: string;
}

/** The Hive-style partition folders of a dataset's keys, outermost first. */
export type PartitionKey = 'season' | 'month';

/**
 * `season` then `month` for datasets stored per game or per month, `season` alone for those
 * stored per season (`players`): the folders of every key of the dataset, in order.
 */
export function datasetPartitionKeys(dataset: DatasetName): readonly PartitionKey[] {
  return DATASET_SCHEMAS[dataset].partitioning === 'season' ? ['season'] : ['season', 'month'];
}

/** `historical-backfill/box-scores`: the folder under which every file of a dataset lies. */
export function datasetRoot(base: string, dataset: DatasetName): string {
  return `${base}/${dataset}`;
}

/** `season=2024-25`: the one spelling of a partition folder. */
function partitionFolder(key: PartitionKey, value: string): string {
  return `${key}=${value}`;
}

/** `season=2024-25/month=10`, each value given by `valueFor`. */
function partitionFolders(dataset: DatasetName, valueFor: (key: PartitionKey) => string): string {
  return datasetPartitionKeys(dataset)
    .map((key) => partitionFolder(key, valueFor(key)))
    .join('/');
}

/**
 * `historical-backfill/box-scores/season=2024-25/month=10/0022400061.parquet`,
 * `.../games/season=2024-25/month=10/games.parquet`, `.../players/season=2024-25/players.parquet`.
 */
export function datasetKey(input: DatasetKeyInput): string {
  assertSeason(input.season);
  const { dataset, season } = input;
  const { partitioning } = DATASET_SCHEMAS[dataset];
  let month = '';
  if (partitioning !== 'season') {
    if (input.gameDate === undefined)
      throw new Error(`${dataset}: a game date is needed for the month partition`);
    month = monthOf(input.gameDate);
  }
  const folders = partitionFolders(dataset, (key) => (key === 'season' ? season : month));
  const folder = `${datasetRoot(input.outputPrefix, dataset)}/${folders}`;
  if (partitioning !== 'game') return `${folder}/${dataset}.parquet`;
  if (input.gameId === undefined) throw new Error(`${dataset}: a game id is needed`);
  assertGameId(input.gameId);
  return `${folder}/${input.gameId}.parquet`;
}

/**
 * Every file of a dataset under `base` (an S3 URL or a local folder) as a glob for query engines:
 * its root, then each partition folder and the file name as `*` (`.../season=*` `/month=*` `/*.parquet`).
 */
export function datasetGlob(base: string, dataset: DatasetName): string {
  return `${datasetRoot(base, dataset)}/${partitionFolders(dataset, () => '*')}/*.parquet`;
}

/**
 * `<base>/box-scores/season=${season}/month=${month}/`: a partition's folder with each value
 * written by `placeholder` (Athena's `storage.location.template` takes `${season}`).
 */
export function datasetPartitionTemplate(
  base: string,
  dataset: DatasetName,
  placeholder: (key: PartitionKey) => string,
): string {
  return `${datasetRoot(base, dataset)}/${partitionFolders(dataset, placeholder)}/`;
}

/** The prefix holding every file of a dataset for a season (for listings). */
export function datasetSeasonPrefix(outputPrefix: string, dataset: DatasetName, season: string): string {
  assertSeason(season);
  return `${datasetRoot(outputPrefix, dataset)}/${partitionFolder('season', season)}/`;
}

/** The game id of a per-game dataset key, or undefined for any other key. */
export function gameIdOfKey(key: string): string | undefined {
  const match = /\/month=\d{2}\/(\d{10})\.parquet$/.exec(key);
  return match?.[1];
}

/** Stored one file per game under `month=` (its schema's partitioning). */
export function isPerGameDataset(dataset: DatasetName): boolean {
  return DATASET_SCHEMAS[dataset].partitioning === 'game';
}

/** Turns `Regular Season` into `regular-season` for raw schedule ids. */
export function slugOf(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The file name (without `.json.gz`) of an item's body under `_raw/` and `_quarantine/`: the game
 * id of a per-game request, the season type of a schedule request (one per season type), else
 * the request itself (`players`). The one rule, so a body and its quarantined twin line up.
 */
export function rawIdOf(item: {
  readonly request: string;
  readonly gameId?: string | undefined;
  readonly seasonType?: string | undefined;
}): string {
  if (item.gameId !== undefined) return assertGameId(item.gameId);
  if (item.request === 'schedule') {
    if (item.seasonType === undefined) throw new Error('a schedule item needs its season type');
    return slugOf(item.seasonType);
  }
  return slugOf(item.request);
}

export interface RawKeyInput {
  readonly outputPrefix: string;
  /** The request name: `schedule`, `players`, `box-score`, `play-by-play`. */
  readonly request: string;
  readonly season: string;
  /** A game id, or a slug such as `players` or `regular-season`. */
  readonly id: string;
}

/** `historical-backfill/_raw/box-score/season=2024-25/0022400061.json.gz`: the exact API body. */
export function rawKey(input: RawKeyInput): string {
  return hiddenKey('_raw', input);
}

/** `historical-backfill/_quarantine/<request>/season=…/<id>.json.gz`: bodies that failed to parse. */
export function quarantineKey(input: RawKeyInput): string {
  return hiddenKey('_quarantine', input);
}

export function rawSeasonPrefix(outputPrefix: string, request: string, season: string): string {
  assertSeason(season);
  if (!SEGMENT.test(request))
    throw new Error(`request: expected a lower-case slug, got ${JSON.stringify(request)}`);
  return `${outputPrefix}/_raw/${request}/season=${season}/`;
}

function hiddenKey(folder: '_raw' | '_quarantine', input: RawKeyInput): string {
  assertSeason(input.season);
  if (!SEGMENT.test(input.request)) {
    throw new Error(`request: expected a lower-case slug, got ${JSON.stringify(input.request)}`);
  }
  if (!SEGMENT.test(input.id))
    throw new Error(`id: expected a game id or slug, got ${JSON.stringify(input.id)}`);
  return `${input.outputPrefix}/${folder}/${input.request}/season=${input.season}/${input.id}.json.gz`;
}

/** `backfill-state/season=2024-25/checkpoint.json`: one checkpoint per planned season. */
export function checkpointKey(stateFilePrefix: string, season: string): string {
  assertSeason(season);
  return `${stateFilePrefix}/season=${season}/checkpoint.json`;
}

/**
 * `backfill-state/checkpoint.json`, where releases before multi-season plans kept the one
 * season's checkpoint; still read (never written) so their runs resume.
 */
export function legacyCheckpointKey(stateFilePrefix: string): string {
  return `${stateFilePrefix}/checkpoint.json`;
}

/** `backfill-state/season=2024-25/daily-progress/date=2024-12-15/progress.json` */
export function dailyProgressKey(stateFilePrefix: string, season: string, date: string): string {
  assertSeason(season);
  if (!DATE.test(date)) throw new Error(`date: expected YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return `${stateFilePrefix}/season=${season}/daily-progress/date=${date}/progress.json`;
}
