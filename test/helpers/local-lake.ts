import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { BronzeStore } from '@repo/shared/bronze';

/**
 * A local copy of the Bronze layer (objects downloaded under their keys) and a DuckDB
 * connection to query it with globs, as a data engineer would after `aws s3 sync` (DuckDB
 * cannot load httpfs on the build machines).
 */
export class LocalLake {
  private constructor(
    readonly dir: string,
    private readonly instance: DuckDBInstance,
  ) {}

  static async create(): Promise<LocalLake> {
    return new LocalLake(
      await mkdtemp(join(tmpdir(), 'bronze-lake-')),
      await DuckDBInstance.create(':memory:'),
    );
  }

  /** Replaces the local copy of `prefix` with what is on S3 now. */
  async sync(store: Pick<BronzeStore, 'listKeys' | 'get'>, prefix: string): Promise<void> {
    await rm(join(this.dir, prefix), { recursive: true, force: true });
    for (const key of await store.listKeys(prefix)) {
      const bytes = await store.get(key);
      if (bytes === undefined) continue;
      const file = join(this.dir, key);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, bytes);
    }
  }

  /** Runs SQL whose relative paths are relative to the local copy; rows as JSON-safe values. */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    const connection = await this.instance.connect();
    try {
      await connection.run(`SET file_search_path = '${this.dir}'`);
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJson() as Record<string, unknown>[];
    } finally {
      connection.closeSync();
    }
  }

  async close(): Promise<void> {
    this.instance.closeSync();
    await rm(this.dir, { recursive: true, force: true });
  }
}
