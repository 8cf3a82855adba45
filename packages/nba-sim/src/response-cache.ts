import { gzipSync } from 'node:zlib';

export interface CachedResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
  /** Compressed lazily, on the first request that accepts gzip. */
  gzipped?: Buffer;
}

/** A byte-bounded LRU of generated bodies keyed by endpoint and the parameters that matter. */
export class ResponseCache {
  private readonly map = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): CachedResponse | undefined {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedResponse): void {
    this.delete(key);
    this.map.set(key, value);
    this.bytes += value.body.length;
    while (this.bytes > this.maxBytes && this.map.size > 1) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }

  private delete(key: string): void {
    const old = this.map.get(key);
    if (!old) return;
    this.bytes -= old.body.length;
    this.map.delete(key);
  }
}

export function gzipOf(entry: CachedResponse): Buffer {
  entry.gzipped ??= gzipSync(entry.body, { level: 6 });
  return entry.gzipped;
}
