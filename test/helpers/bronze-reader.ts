import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { BronzeStore } from '@repo/shared/bronze';
import type { TestServices } from './services.js';

/**
 * Reads what the product stored, independently: S3 objects through the SDK, Parquet through
 * DuckDB (which cannot load httpfs here, so objects are downloaded to a temp folder first).
 */
export class BronzeReader {
  readonly store: BronzeStore;
  private instance: DuckDBInstance | undefined;
  private connection: DuckDBConnection | undefined;
  private folder: string | undefined;

  constructor(services: TestServices, bucket: string) {
    this.store = new BronzeStore({
      bucket,
      region: services.region,
      endpoint: services.s3Endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: services.accessKeyId, secretAccessKey: services.secretAccessKey },
    });
  }

  private reads = 0;

  async keys(prefix = ''): Promise<string[]> {
    return (await this.store.listKeys(prefix)).sort();
  }

  /** Runs SQL where `{file}` stands for a local copy of the object at `key`. */
  async query(key: string, sql: string): Promise<Record<string, unknown>[]> {
    const bytes = await this.store.get(key);
    if (bytes === undefined) throw new Error(`no object at ${key}`);
    this.folder ??= await mkdtemp(join(tmpdir(), 'bronze-read-'));
    // A file per read: DuckDB caches what it read of a path, so rewriting one under it (the same
    // key read before and after it changed) reads garbage.
    const file = join(this.folder, `${++this.reads}-${key.replaceAll('/', '__')}`);
    await writeFile(file, bytes);
    this.instance ??= await DuckDBInstance.create(':memory:');
    this.connection ??= await this.instance.connect();
    const reader = await this.connection.runAndReadAll(sql.replaceAll('{file}', `read_parquet('${file}')`));
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  }

  async rowCount(key: string): Promise<number> {
    const [row] = await this.query(key, 'SELECT count(*) AS n FROM {file}');
    return Number(row?.n);
  }

  async close(): Promise<void> {
    this.connection?.closeSync();
    this.instance?.closeSync();
    this.store.close();
    if (this.folder) await rm(this.folder, { recursive: true, force: true });
  }
}
