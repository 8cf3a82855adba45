export type HttpVersion = '1.0' | '1.1' | '2';

/** One request as the simulator received it; status and fault are filled in when it is answered. */
export interface RequestLogEntry {
  /** 1, 2, 3... in arrival order. */
  readonly seq: number;
  /** Arrival in epoch milliseconds with sub-millisecond precision (`performance.timeOrigin + performance.now()`). */
  readonly time: number;
  readonly method: string;
  /** Path without the query, e.g. `/stats/playbyplayv3`. */
  readonly path: string;
  /** `playbyplayv3` for `/stats/...` paths, null otherwise. */
  readonly endpoint: string | null;
  /** Query parameters exactly as sent (empty values kept). */
  readonly query: Readonly<Record<string, string>>;
  /** Every request header, names lower-cased (HTTP/2 pseudo-headers such as `:authority` included). */
  readonly headers: Readonly<Record<string, string>>;
  /** `1.1` (or `1.0`) and `2`, as negotiated on the connection. */
  readonly httpVersion: HttpVersion;
  /** JA4 of the TLS ClientHello of the connection; null over plain HTTP. */
  readonly ja4: string | null;
  /** HTTP status sent; null while pending, for stalls and for resets. */
  status: number | null;
  /** The fault applied (`latency`, `stall`, `server-error`, ...), null when none. */
  fault: string | null;
  /** Body bytes written (after gzip). */
  bytes: number | null;
}

export interface RequestLogOptions {
  /** Oldest entries are dropped beyond this. @defaultValue 100_000 */
  readonly maxEntries?: number;
}

/** Everything that reached `/stats/*`, for rate-limit and header assertions in tests. */
export class RequestLog {
  private readonly list: RequestLogEntry[] = [];
  private seq = 0;
  private readonly maxEntries: number;

  constructor(options: RequestLogOptions = {}) {
    this.maxEntries = options.maxEntries ?? 100_000;
  }

  record(entry: Omit<RequestLogEntry, 'seq' | 'status' | 'fault' | 'bytes'>): RequestLogEntry {
    const full: RequestLogEntry = { seq: ++this.seq, ...entry, status: null, fault: null, bytes: null };
    this.list.push(full);
    if (this.list.length > this.maxEntries) this.list.shift();
    return full;
  }

  /** Copies, oldest first. */
  entries(): RequestLogEntry[] {
    return this.list.map((e) => ({ ...e }));
  }

  clear(): void {
    this.list.length = 0;
  }
}
