/**
 * The Bronze layer's only S3 adapter: bytes in and out of one bucket. No key building (that is
 * `s3-layout.ts`) and no Parquet. Every S3 failure leaves as a `StorageError`.
 * @see DESIGN §4, §5
 */
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { StorageError, type StorageOperation } from './errors.js';

export interface BronzeStoreOptions {
  readonly bucket: string;
  readonly region: string;
  /** A non-AWS endpoint such as `http://127.0.0.1:7480`. @defaultValue AWS */
  readonly endpoint?: string | undefined;
  /** Path-style URLs (`endpoint/bucket/key`); needed for local servers. @defaultValue false */
  readonly forcePathStyle?: boolean | undefined;
  /** @defaultValue the SDK's default chain (env, profile, instance role) */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string } | undefined;
  /**
   * S3_UPLOAD_CONCURRENCY: how many `put`s run at once in this store; more wait their turn.
   * Each `put` sends its parts one at a time, so this is also the cap on upload requests.
   * @defaultValue 3
   */
  readonly uploadConcurrency?: number | undefined;
  /**
   * A ready client (tests, shared pools). The store then does not destroy it on `close()`, and
   * `region`, `endpoint`, `forcePathStyle` and `credentials` are ignored.
   */
  readonly client?: S3Client | undefined;
}

export interface PutOptions {
  readonly contentType: string;
  readonly contentEncoding?: string | undefined;
  /** User metadata: keys lower-case `[a-z0-9_-]`, values printable ASCII (S3 lower-cases keys). */
  readonly metadata?: Readonly<Record<string, string>> | undefined;
}

export interface ObjectHead {
  readonly size: number;
  readonly metadata: Readonly<Record<string, string>>;
  readonly lastModified: Date | undefined;
  readonly contentType: string | undefined;
  readonly etag: string | undefined;
}

export interface ListedObject {
  readonly key: string;
  readonly size: number;
}

const DEFAULT_UPLOAD_CONCURRENCY = 3;
/** Deadline to open a connection to S3. */
const S3_CONNECT_TIMEOUT_MS = 5_000;
/** Deadline of silence on an S3 request's socket before it is abandoned. */
const S3_REQUEST_TIMEOUT_MS = 20_000;
const DELETE_BATCH = 1000;
const METADATA_KEY = /^[a-z0-9][a-z0-9_-]*$/;
const METADATA_VALUE = /^[\x20-\x7e]*$/;

export class BronzeStore {
  readonly bucket: string;
  private readonly client: S3Client;
  private readonly ownsClient: boolean;
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;

  constructor(options: BronzeStoreOptions) {
    const concurrency = options.uploadConcurrency ?? DEFAULT_UPLOAD_CONCURRENCY;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new TypeError(
        `uploadConcurrency: expected an integer >= 1, got ${String(concurrency)} (${typeof concurrency})`,
      );
    }
    this.bucket = options.bucket;
    this.ownsClient = options.client === undefined;
    this.client =
      options.client ??
      new S3Client({
        region: options.region,
        endpoint: options.endpoint,
        forcePathStyle: options.forcePathStyle ?? false,
        credentials: options.credentials,
        // Without them a frozen S3 server (accepting connections, never answering) hangs a write
        // for ever; the SDK's own retries then try again.
        requestHandler: { connectionTimeout: S3_CONNECT_TIMEOUT_MS, requestTimeout: S3_REQUEST_TIMEOUT_MS },
      });
    this.limit = createLimiter(concurrency);
  }

  /** Writes (or overwrites) one object. Waits for a free upload slot first. */
  async put(key: string, body: Buffer | string, options: PutOptions): Promise<{ readonly size: number }> {
    checkMetadata(options.metadata);
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    await this.limit(() =>
      this.call('put', key, async () => {
        const upload = new Upload({
          client: this.client,
          queueSize: 1,
          params: {
            Bucket: this.bucket,
            Key: key,
            Body: body,
            ContentType: options.contentType,
            ContentEncoding: options.contentEncoding,
            Metadata: options.metadata === undefined ? undefined : { ...options.metadata },
          },
        });
        // The result's ETag is empty on radosgw after a multipart upload; head() has the real one.
        await upload.done();
      }),
    );
    return { size };
  }

  /** The object's bytes, or undefined when the key does not exist (a missing bucket throws). */
  async get(key: string): Promise<Buffer | undefined> {
    return this.call('get', key, async () => {
      try {
        const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
        if (out.Body === undefined) return Buffer.alloc(0);
        const bytes = await out.Body.transformToByteArray();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        if (errorName(error) === 'NoSuchKey') return undefined;
        throw error;
      }
    });
  }

  /**
   * Size, user metadata and dates, or undefined on 404. A HEAD answer has no body, so a missing
   * bucket also reads as undefined here.
   */
  async head(key: string): Promise<ObjectHead | undefined> {
    return this.call('head', key, async () => {
      try {
        const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
        return {
          size: out.ContentLength ?? 0,
          metadata: out.Metadata ?? {},
          lastModified: out.LastModified,
          contentType: out.ContentType,
          etag: out.ETag,
        };
      } catch (error) {
        if (httpStatus(error) === 404) return undefined;
        throw error;
      }
    });
  }

  /** Every object under `prefix`, in key order, page by page (1000 keys a request). */
  async *list(prefix: string): AsyncIterable<ListedObject> {
    let token: string | undefined;
    do {
      const page = await this.call('list', prefix, () =>
        this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
        ),
      );
      for (const item of page.Contents ?? []) {
        if (item.Key !== undefined) yield { key: item.Key, size: item.Size ?? 0 };
      }
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async listKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const item of this.list(prefix)) keys.push(item.key);
    return keys;
  }

  /** Deletes the keys (missing ones are fine), 1000 per request. */
  async deleteMany(keys: readonly string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH);
      const first = batch[0];
      await this.call('deleteMany', first, async () => {
        const out = await this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const failed = out.Errors?.[0];
        if (failed !== undefined) {
          const error = new Error(
            `${failed.Code ?? 'DeleteFailed'} for ${failed.Key ?? '?'}: ${failed.Message ?? ''}`,
          );
          error.name = failed.Code ?? 'DeleteFailed';
          throw error;
        }
      });
    }
  }

  /** Creates the bucket when it does not exist; an existing bucket we can reach is fine. */
  /** Whether the bucket exists and these credentials may use it. */
  async bucketExists(): Promise<boolean> {
    return this.call('head', undefined, async () => {
      try {
        await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
        return true;
      } catch (error) {
        if (httpStatus(error) === 404) return false;
        throw error;
      }
    });
  }

  async ensureBucket(): Promise<void> {
    await this.call('ensureBucket', undefined, async () => {
      try {
        await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
        return;
      } catch (error) {
        if (httpStatus(error) !== 404) throw error;
      }
      try {
        await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
      } catch (error) {
        // A racing creator won; fine if the bucket is ours.
        if (errorName(error) !== 'BucketAlreadyOwnedByYou') throw error;
      }
    });
  }

  /** Releases the client's sockets, unless the client was passed in. */
  close(): void {
    if (this.ownsClient) this.client.destroy();
  }

  private async call<T>(
    operation: StorageOperation,
    key: string | undefined,
    fn: () => Promise<T>,
  ): Promise<T> {
    try {
      return await fn();
    } catch (cause) {
      throw new StorageError({ operation, bucket: this.bucket, key, cause });
    }
  }
}

function checkMetadata(metadata: Readonly<Record<string, string>> | undefined): void {
  for (const [key, value] of Object.entries(metadata ?? {})) {
    if (!METADATA_KEY.test(key)) {
      throw new TypeError(`metadata key: expected lower-case [a-z0-9_-], got ${JSON.stringify(key)}`);
    }
    if (typeof value !== 'string' || !METADATA_VALUE.test(value)) {
      throw new TypeError(
        `metadata "${key}": expected a printable ASCII string, got ${JSON.stringify(value)} (${typeof value})`,
      );
    }
  }
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

function httpStatus(error: unknown): number | undefined {
  const meta = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata;
  return typeof meta?.httpStatusCode === 'number' ? meta.httpStatusCode : undefined;
}

/** At most `limit` tasks run at once; a finishing task hands its slot to the next waiter. */
function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < limit) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next === undefined) active--;
      else next();
    }
  };
}
