import { gunzipSync } from 'node:zlib';
import { METADATA_KEYS } from './object-metadata.js';
import type { BronzeStore } from './store.js';

/** A body stored under `_raw/`, decoded, with the time it was fetched. */
export interface RawBody {
  readonly key: string;
  readonly body: string;
  /**
   * When the API answered: the object's `ingested-at` metadata when the writer recorded it,
   * else its Last-Modified (written right after the answer), so rebuilt rows keep their lineage.
   */
  readonly ingestedAt: Date;
}

/** Reads and gunzips one raw body; undefined when the object does not exist. */
export async function readRawBody(
  store: Pick<BronzeStore, 'get' | 'head'>,
  key: string,
): Promise<RawBody | undefined> {
  const [bytes, head] = await Promise.all([store.get(key), store.head(key)]);
  if (bytes === undefined) return undefined;
  const recorded = head?.metadata[METADATA_KEYS.ingestedAt];
  const recordedAt = recorded === undefined ? Number.NaN : Date.parse(recorded);
  const ingestedAt = Number.isNaN(recordedAt) ? (head?.lastModified ?? new Date(0)) : new Date(recordedAt);
  return { key, body: gunzipSync(bytes).toString('utf8'), ingestedAt };
}
