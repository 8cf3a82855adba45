/**
 * The user metadata the product writes on its S3 objects (DESIGN §4, §7), by field: the one list
 * of the keys as they appear on S3 (lower-case, `x-amz-meta-<key>`). Callers say
 * `objectMetadata({ ingestedAt })`, readers `metadata[METADATA_KEYS.ingestedAt]`.
 */
export const METADATA_KEYS = Object.freeze({
  /** The NBA endpoint the body came from (`boxscoretraditionalv3`). */
  sourceEndpoint: 'source-endpoint',
  /** When the body was fetched, ISO 8601. */
  ingestedAt: 'ingested-at',
  /** The item's quality score, `1` or e.g. `0.8571`. */
  qualityScore: 'quality-score',
  /** Comma-separated `<dataset>.<check>` that failed. */
  qualityFailedChecks: 'quality-failed-checks',
  /** Rows in a Parquet file, and its dataset. */
  rows: 'rows',
  dataset: 'dataset',
  /** Why a quarantined body could not be used. */
  errorClass: 'error-class',
  errorMessage: 'error-message',
} as const);

export type MetadataField = keyof typeof METADATA_KEYS;
/** Object metadata as S3 stores it, keys from METADATA_KEYS only. */
export type ObjectMetadata = Readonly<Partial<Record<(typeof METADATA_KEYS)[MetadataField], string>>>;

/** The S3 metadata of the fields given; unset fields are left out. Pure. */
export function objectMetadata(fields: Readonly<Partial<Record<MetadataField, string>>>): ObjectMetadata {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined) out[METADATA_KEYS[field as MetadataField]] = value;
  }
  return out;
}
