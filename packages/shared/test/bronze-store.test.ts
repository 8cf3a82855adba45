import { randomBytes, randomUUID } from 'node:crypto';
import { DeleteBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorageError } from '../src/bronze/errors.js';
import { BronzeStore, type BronzeStoreOptions } from '../src/bronze/store.js';

interface S3Env {
  readonly endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

function readS3Env(): S3Env {
  const names = ['S3_ENDPOINT', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] as const;
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `bronze-store tests need a real S3 server: ${missing.join(', ')} not set. ` +
        'Run: eval "$(bash scripts/test-services.sh env)"',
    );
  }
  return {
    endpoint: process.env.S3_ENDPOINT as string,
    region: process.env.AWS_REGION as string,
    accessKeyId: process.env.AWS_ACCESS_KEY_ID as string,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY as string,
  };
}

let env: S3Env;
let bucket: string;
const stores: BronzeStore[] = [];

function storeOptions(overrides: Partial<BronzeStoreOptions> = {}): BronzeStoreOptions {
  return {
    bucket,
    region: env.region,
    endpoint: env.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: env.accessKeyId, secretAccessKey: env.secretAccessKey },
    ...overrides,
  };
}

function openStore(overrides: Partial<BronzeStoreOptions> = {}): BronzeStore {
  const store = new BronzeStore(storeOptions(overrides));
  stores.push(store);
  return store;
}

function testPrefix(): string {
  return `test-${randomUUID()}/`;
}

beforeAll(async () => {
  env = readS3Env();
  bucket = `bronze-test-${randomUUID().slice(0, 8)}`;
  await openStore().ensureBucket();
});

afterAll(async () => {
  if (bucket !== undefined && env !== undefined) {
    const store = openStore();
    await store.deleteMany(await store.listKeys(''));
    const raw = new S3Client(storeOptions());
    await raw.send(new DeleteBucketCommand({ Bucket: bucket }));
    raw.destroy();
  }
  for (const store of stores) store.close();
});

describe('BronzeStore against the S3 server', () => {
  it('ensureBucket creates a missing bucket and accepts an existing one', async () => {
    const other = `bronze-test-${randomUUID().slice(0, 8)}`;
    const store = openStore({ bucket: other });
    await store.ensureBucket();
    await store.ensureBucket();
    expect(await store.listKeys('')).toEqual([]);
    const raw = new S3Client(storeOptions());
    await raw.send(new DeleteBucketCommand({ Bucket: other }));
    raw.destroy();
  });

  it('puts and gets bytes and strings, with content type, encoding and metadata on head', async () => {
    const store = openStore();
    const prefix = testPrefix();
    const bytes = Buffer.from([0x50, 0x41, 0x52, 0x31, 0x00, 0xff]);
    await expect(
      store.put(`${prefix}a.parquet`, bytes, {
        contentType: 'application/vnd.apache.parquet',
        metadata: { 'quality-score': '0.97', 'row-count': '512' },
      }),
    ).resolves.toEqual({ size: 6 });
    await store.put(`${prefix}b.json.gz`, 'Dončić ✓', {
      contentType: 'application/json',
      contentEncoding: 'gzip',
    });

    expect(await store.get(`${prefix}a.parquet`)).toEqual(bytes);
    expect((await store.get(`${prefix}b.json.gz`))?.toString('utf8')).toBe('Dončić ✓');
    const head = await store.head(`${prefix}a.parquet`);
    expect(head).toMatchObject({
      size: 6,
      metadata: { 'quality-score': '0.97', 'row-count': '512' },
      contentType: 'application/vnd.apache.parquet',
    });
    expect(head?.lastModified).toBeInstanceOf(Date);
    expect(head?.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await store.head(`${prefix}b.json.gz`)).toMatchObject({
      size: Buffer.byteLength('Dončić ✓'),
      metadata: {},
    });
  });

  it('overwrites an existing key with the new bytes and metadata', async () => {
    const store = openStore();
    const key = `${testPrefix()}games.parquet`;
    await store.put(key, 'first', { contentType: 'text/plain', metadata: { 'row-count': '1' } });
    await store.put(key, 'second!', { contentType: 'text/plain', metadata: { 'row-count': '2' } });
    expect((await store.get(key))?.toString()).toBe('second!');
    expect(await store.head(key)).toMatchObject({ size: 7, metadata: { 'row-count': '2' } });
  });

  it('answers undefined for a missing key on get and head', async () => {
    const store = openStore();
    const prefix = testPrefix();
    expect(await store.get(`${prefix}nope.parquet`)).toBeUndefined();
    expect(await store.head(`${prefix}nope.parquet`)).toBeUndefined();
    expect(await store.listKeys(prefix)).toEqual([]);
  });

  it('lists more than 1000 keys under a prefix across pages, then deletes them all', async () => {
    const store = openStore({ uploadConcurrency: 16 });
    const prefix = testPrefix();
    const keys = Array.from({ length: 1205 }, (_, i) => `${prefix}k-${String(i).padStart(5, '0')}`);
    await Promise.all(keys.map((key, i) => store.put(key, `v${i}`, { contentType: 'text/plain' })));
    await store.put(`${prefix.slice(0, -1)}-sibling/x`, 'x', { contentType: 'text/plain' });

    const listed: { key: string; size: number }[] = [];
    for await (const item of store.list(prefix)) listed.push(item);
    expect(listed.map((item) => item.key)).toEqual(keys);
    expect(listed[1204]).toEqual({ key: keys[1204], size: 5 });
    expect(await store.listKeys(prefix)).toEqual(keys);

    await store.deleteMany(keys);
    expect(await store.listKeys(prefix)).toEqual([]);
    expect(await store.listKeys(`${prefix.slice(0, -1)}-sibling/`)).toEqual([
      `${prefix.slice(0, -1)}-sibling/x`,
    ]);
    await store.deleteMany([]);
  });

  it('runs at most uploadConcurrency puts at once', async () => {
    const client = new S3Client(storeOptions());
    let inFlight = 0;
    let peak = 0;
    client.middlewareStack.add(
      (next) => async (args) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          return await next(args);
        } finally {
          inFlight--;
        }
      },
      { step: 'initialize', name: 'countInFlight' },
    );
    const store = openStore({ client, uploadConcurrency: 2 });
    const prefix = testPrefix();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.put(`${prefix}${i}`, randomBytes(2048), { contentType: 'x/y' }),
      ),
    );
    expect(peak).toBe(2);
    expect(await store.listKeys(prefix)).toHaveLength(12);
    client.destroy();
  });

  it('uploads a multipart body (> 5 MiB) byte for byte', async () => {
    const store = openStore();
    const key = `${testPrefix()}big.bin`;
    const body = randomBytes(11 * 1024 * 1024);
    await store.put(key, body, { contentType: 'application/octet-stream', metadata: { 'row-count': '9' } });
    expect((await store.get(key))?.equals(body)).toBe(true);
    // radosgw answers CompleteMultipartUpload with an empty ETag; HEAD has the multipart one.
    expect(await store.head(key)).toMatchObject({ size: body.length, metadata: { 'row-count': '9' } });
  });

  it('throws StorageError with operation, key and S3 code for a missing bucket', async () => {
    const store = openStore({ bucket: `bronze-test-missing-${randomUUID().slice(0, 8)}` });
    const error = await store.get('games/a.parquet').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({
      kind: 'storage',
      name: 'StorageError',
      operation: 'get',
      key: 'games/a.parquet',
    });
    expect(error).toMatchObject({ code: 'NoSuchBucket', status: 404 });
    expect((error as StorageError).cause).toBeInstanceOf(Error);

    const putError = await store
      .put('games/a.parquet', 'x', { contentType: 'text/plain' })
      .catch((e: unknown) => e);
    expect(putError).toMatchObject({
      kind: 'storage',
      operation: 'put',
      key: 'games/a.parquet',
      code: 'NoSuchBucket',
    });
    await expect(store.listKeys('games/')).rejects.toMatchObject({ operation: 'list', key: 'games/' });
  });

  it('throws StorageError on bad credentials', async () => {
    const store = openStore({ credentials: { accessKeyId: 'not-a-key', secretAccessKey: 'not-a-secret' } });
    const error = await store
      .put(`${testPrefix()}a`, 'x', { contentType: 'text/plain' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({
      kind: 'storage',
      operation: 'put',
      code: 'InvalidAccessKeyId',
      status: 403,
    });
    await expect(store.get(`${testPrefix()}a`)).rejects.toBeInstanceOf(StorageError);
  });

  it('refuses metadata S3 would mangle, before any request', async () => {
    const store = openStore();
    await expect(
      store.put('k', 'x', { contentType: 'text/plain', metadata: { RowCount: '1' } }),
    ).rejects.toThrow('metadata key: expected lower-case [a-z0-9_-], got "RowCount"');
    await expect(
      store.put('k', 'x', { contentType: 'text/plain', metadata: { name: 'Dončić' } }),
    ).rejects.toThrow('metadata "name": expected a printable ASCII string, got "Dončić" (string)');
  });
});
