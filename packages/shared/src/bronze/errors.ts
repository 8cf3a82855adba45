/** The S3 operations of `BronzeStore`; carried by `StorageError` so logs say what failed. */
export type StorageOperation = 'put' | 'get' | 'head' | 'list' | 'deleteMany' | 'ensureBucket';

export interface StorageErrorOptions {
  readonly operation: StorageOperation;
  readonly bucket: string;
  /** The object key, or the prefix for `list`; undefined for bucket-level operations. */
  readonly key?: string | undefined;
  readonly cause: unknown;
}

/**
 * Any failure talking to S3. Retryable by kind (DESIGN §5: `storage` → retry). `code` is the S3
 * error name (`NoSuchBucket`, `InvalidAccessKeyId`, `SignatureDoesNotMatch`...) when S3 sent one.
 */
export class StorageError extends Error {
  readonly kind = 'storage' as const;
  readonly operation: StorageOperation;
  readonly bucket: string;
  readonly key: string | undefined;
  readonly code: string | undefined;
  readonly status: number | undefined;

  constructor(options: StorageErrorOptions) {
    const { code, status, detail } = describeCause(options.cause);
    const target = `s3://${options.bucket}/${options.key ?? ''}`;
    super(`S3 ${options.operation} failed for ${target}: ${detail}`, { cause: options.cause });
    this.name = 'StorageError';
    this.operation = options.operation;
    this.bucket = options.bucket;
    this.key = options.key;
    this.code = code;
    this.status = status;
  }
}

interface CauseSummary {
  readonly code: string | undefined;
  readonly status: number | undefined;
  readonly detail: string;
}

function describeCause(cause: unknown): CauseSummary {
  if (!(cause instanceof Error)) return { code: undefined, status: undefined, detail: String(cause) };
  const meta = (cause as { $metadata?: { httpStatusCode?: unknown } }).$metadata;
  const status = typeof meta?.httpStatusCode === 'number' ? meta.httpStatusCode : undefined;
  const code = cause.name !== 'Error' ? cause.name : undefined;
  const parts = [code, status === undefined ? undefined : `HTTP ${status}`, cause.message].filter(Boolean);
  return { code, status, detail: parts.join(', ') || 'unknown error' };
}

export interface ParquetRowErrorOptions {
  readonly dataset: string;
  readonly rowIndex: number;
  readonly column: string;
  readonly value: unknown;
}

/**
 * A row that does not fit its dataset schema (null in a non-nullable column, wrong JS type,
 * missing or unknown column). Kind `parse`: the parsed rows do not match the schema, so retrying
 * cannot help (DESIGN §5).
 */
export class ParquetRowError extends Error {
  readonly kind = 'parse' as const;
  readonly dataset: string;
  readonly rowIndex: number;
  readonly column: string;
  readonly value: unknown;

  constructor(message: string, options: ParquetRowErrorOptions) {
    super(message);
    this.name = 'ParquetRowError';
    this.dataset = options.dataset;
    this.rowIndex = options.rowIndex;
    this.column = options.column;
    this.value = options.value;
  }
}
