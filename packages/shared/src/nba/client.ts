import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Agent, type Dispatcher, ProxyAgent, request } from 'undici';
import { classifyFailure, classifyStatus, parseRetryAfter } from './classify.js';
import { NbaRequestError } from './errors.js';
import { buildQuery, NBA_REQUEST_HEADERS } from './request-headers.js';

/** The permission to send one request; see RateLimitGate in the queue domain. */
export interface RequestGate {
  readonly intervalMs: number;
  acquire(signal?: AbortSignal): Promise<{ release(): Promise<void> }>;
}

export interface NbaClientOptions {
  /** e.g. `https://stats.nba.com/stats` or the simulator's `http://127.0.0.1:8787/stats`. */
  readonly baseUrl: string;
  /** Deadline for the whole answer (headers and body). @defaultValue 30000 */
  readonly timeoutMs?: number;
  /** HTTP(S) proxy URL for every NBA request. */
  readonly proxy?: string | undefined;
  /** Taken before every request; there is no way around it. */
  readonly gate: RequestGate;
}

/**
 * The longest the gate is held for one request, from its grant: two intervals, at least 1 s.
 * Normally the answer's first byte releases it much sooner; the cap only bounds what a stalled
 * request costs everyone else.
 */
export function gateHoldCapMs(intervalMs: number): number {
  return Math.max(1_000, 2 * intervalMs);
}

/** A 2xx answer, decoded. */
export interface NbaResponse {
  readonly url: string;
  readonly status: number;
  /** The body as received (decompressed, UTF-8). */
  readonly body: string;
  /** Bytes on the wire (compressed). */
  readonly wireBytes: number;
  /** From the moment the request was sent to the end of the body. */
  readonly responseMs: number;
}

/**
 * The stats.nba.com HTTP client: nba_api's headers, gzip, a deadline, an optional proxy, and
 * no retries of its own (BullMQ retries jobs). Every failure is an NbaRequestError with a kind.
 */
export class NbaClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly gate: RequestGate;
  private readonly dispatcher: Dispatcher;
  private readonly holdCapMs: number;

  constructor(options: NbaClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.gate = options.gate;
    this.holdCapMs = gateHoldCapMs(options.gate.intervalMs);
    // A request must be on the wire well before the gate can be released without an answer, so
    // connecting may take at most half the hold cap (see `get`).
    const timeouts = {
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      connectTimeout: Math.min(this.timeoutMs, Math.floor(this.holdCapMs / 2)),
    };
    this.dispatcher = options.proxy
      ? new ProxyAgent({ uri: options.proxy, ...timeouts })
      : new Agent({ ...timeouts, keepAliveTimeout: 30_000 });
  }

  /** GET `<baseUrl>/<endpoint>?<sorted params>`, after taking the gate. */
  async get(endpoint: string, params: Readonly<Record<string, string>>): Promise<NbaResponse> {
    const url = `${this.baseUrl}/${endpoint}?${buildQuery(params)}`;
    // The gate is held until the answer starts (or the request fails). The server has seen a
    // request before it answers, so the next request leaves a full interval after the server's
    // own arrival time, however late the server, or a busy machine, took this one in. A request
    // that stalls releases the gate after the hold cap instead: it was sent within half the cap
    // (the connect timeout), so the next one still leaves at least half a cap (0.5 s or more)
    // plus an interval after it.
    const pass = await this.gate.acquire();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(capTimer);
      void pass.release().catch(() => undefined);
    };
    const capTimer = setTimeout(release, this.holdCapMs);
    const started = performance.now();
    try {
      const response = await request(url, {
        method: 'GET',
        headers: NBA_REQUEST_HEADERS,
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      release();
      const raw = Buffer.from(await response.body.arrayBuffer());
      const responseMs = performance.now() - started;
      const body = decode(raw, headerValue(response.headers['content-encoding']));
      const kind = classifyStatus(response.statusCode);
      if (kind !== undefined) {
        throw new NbaRequestError(kind, `${endpoint} answered HTTP ${response.statusCode}`, {
          status: response.statusCode,
          body,
          retryAfterSeconds: parseRetryAfter(headerValue(response.headers['retry-after']), new Date()),
        });
      }
      return { url, status: response.statusCode, body, wireBytes: raw.length, responseMs };
    } catch (error) {
      release();
      if (error instanceof NbaRequestError) throw error;
      const kind = classifyFailure(error);
      const reason = error instanceof Error ? error.message : String(error);
      const message =
        kind === 'timeout'
          ? `${endpoint} gave no answer within ${this.timeoutMs} ms`
          : `${endpoint}: ${reason}`;
      throw new NbaRequestError(kind, message, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function decode(raw: Buffer, encoding: string | undefined): string {
  try {
    switch (encoding?.trim().toLowerCase()) {
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(raw).toString('utf8');
      case 'deflate':
        return inflateSync(raw).toString('utf8');
      case 'br':
        return brotliDecompressSync(raw).toString('utf8');
      default:
        return raw.toString('utf8');
    }
  } catch (error) {
    // A body cut short mid-stream decompresses badly; that is a broken connection, not bad data.
    throw new NbaRequestError('connection', `could not decode a ${encoding} body of ${raw.length} bytes`, {
      cause: error,
    });
  }
}
