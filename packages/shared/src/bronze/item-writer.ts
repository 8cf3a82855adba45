import { gzipSync } from 'node:zlib';
import type { Row } from './dataset-schema.js';
import type { DatasetName } from './datasets/catalogue.js';
import { DATASET_SCHEMAS } from './datasets/catalogue.js';
import { type ObjectMetadata, objectMetadata } from './object-metadata.js';
import { writeParquet } from './parquet-writer.js';
import { datasetKey, monthOf, rawKey } from './s3-layout.js';
import type { BronzeStore } from './store.js';

/** One object written (or, in a dry run, that would be written). */
export interface WrittenObject {
  readonly key: string;
  /** `_raw` for the raw body, else the dataset. */
  readonly dataset: DatasetName | '_raw';
  readonly rows: number;
  readonly bytes: number;
}

export interface ItemWrite {
  readonly outputPrefix: string;
  readonly season: string;
  /** The request name, e.g. `box-score` (names the `_raw/<request>/` folder). */
  readonly request: string;
  /** Game id, or a slug (`players`, `regular-season`) for season-wide requests. */
  readonly rawId: string;
  /** The game's date; decides `month=` for per-game datasets. */
  readonly gameDate?: string | undefined;
  readonly gameId?: string | undefined;
  /** The body exactly as the API sent it. */
  readonly body: string;
  readonly rows: Partial<Record<DatasetName, readonly Row[]>>;
  /** Metadata of every object of the item (source endpoint, quality, fetch time: ingest's itemMetadata). */
  readonly metadata: ObjectMetadata;
}

/** A Parquet file about to be stored: the bytes and where they go. */
interface PlannedFile {
  readonly key: string;
  readonly dataset: DatasetName;
  readonly rows: readonly Row[];
}

/**
 * Where each dataset of an item goes. `games` rows are split by month (one file per month of the
 * season); every other dataset is one file per item.
 */
export function planFiles(item: Omit<DatasetsWrite, 'metadata'>): PlannedFile[] {
  const files: PlannedFile[] = [];
  for (const [dataset, rows] of Object.entries(item.rows) as [DatasetName, readonly Row[]][]) {
    if (dataset === 'games') {
      const byMonth = new Map<string, Row[]>();
      for (const row of rows) {
        const date = String(row.game_date);
        const month = monthOf(date);
        const bucket = byMonth.get(month) ?? [];
        bucket.push(row);
        byMonth.set(month, bucket);
      }
      for (const monthRows of byMonth.values()) {
        const first = monthRows[0] as Row;
        const key = datasetKey({
          outputPrefix: item.outputPrefix,
          dataset,
          season: item.season,
          gameDate: String(first.game_date),
        });
        files.push({ key, dataset, rows: monthRows });
      }
      continue;
    }
    const key = datasetKey({
      outputPrefix: item.outputPrefix,
      dataset,
      season: item.season,
      gameDate: item.gameDate,
      gameId: item.gameId,
    });
    files.push({ key, dataset, rows });
  }
  return files;
}

export interface DatasetsWrite {
  readonly outputPrefix: string;
  readonly season: string;
  readonly gameDate?: string | undefined;
  readonly gameId?: string | undefined;
  readonly rows: Partial<Record<DatasetName, readonly Row[]>>;
  /** Object metadata for every file, lower-case keys (source endpoint, quality score...). */
  readonly metadata: Readonly<Record<string, string>>;
}

/**
 * Encodes and stores the Parquet files of some rows, in parallel within the store's upload
 * limit. With `dryRun` it encodes everything and reports what it would write, storing nothing.
 */
export async function writeDatasets(
  store: Pick<BronzeStore, 'put'>,
  write: DatasetsWrite,
  options: { readonly dryRun?: boolean } = {},
): Promise<WrittenObject[]> {
  const files = planFiles(write);
  const encoded = await Promise.all(
    files.map(async (file) => ({
      file,
      bytes: await writeParquet(DATASET_SCHEMAS[file.dataset], file.rows),
    })),
  );
  if (options.dryRun !== true) {
    await Promise.all(
      encoded.map(({ file, bytes }) =>
        store.put(file.key, bytes, {
          contentType: 'application/vnd.apache.parquet',
          metadata: {
            ...write.metadata,
            ...objectMetadata({ rows: String(file.rows.length), dataset: file.dataset }),
          },
        }),
      ),
    );
  }
  return encoded.map(({ file, bytes }) => ({
    key: file.key,
    dataset: file.dataset,
    rows: file.rows.length,
    bytes: bytes.length,
  }));
}

/** Stores the exact body, gzipped, under `_raw/`. */
export async function writeRaw(
  store: Pick<BronzeStore, 'put'>,
  raw: {
    readonly outputPrefix: string;
    readonly season: string;
    readonly request: string;
    readonly rawId: string;
    readonly body: string;
    readonly metadata: Readonly<Record<string, string>>;
  },
  options: { readonly dryRun?: boolean } = {},
): Promise<WrittenObject> {
  const bytes = gzipSync(raw.body);
  const key = rawKey({
    outputPrefix: raw.outputPrefix,
    request: raw.request,
    season: raw.season,
    id: raw.rawId,
  });
  if (options.dryRun !== true)
    await store.put(key, bytes, { contentType: 'application/gzip', metadata: raw.metadata });
  return { key, dataset: '_raw', rows: 0, bytes: bytes.length };
}

/**
 * Stores an item: the raw body first (so a rebuild can always regenerate what follows), then
 * one Parquet file per dataset.
 */
export async function writeItem(
  store: Pick<BronzeStore, 'put'>,
  item: ItemWrite,
  options: { readonly dryRun?: boolean } = {},
): Promise<WrittenObject[]> {
  const raw = await writeRaw(store, item, options);
  const files = await writeDatasets(store, item, options);
  return [raw, ...files];
}
