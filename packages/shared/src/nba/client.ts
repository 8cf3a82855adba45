import diagnosticsChannel from 'node:diagnostics_channel';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Agent, type Dispatcher, ProxyAgent, request } from 'undici';
import { classifyFailure, classifyStatus, parseRetryAfter } from './classify.js';
import { NbaRequestError } from './errors.js';
import { buildQuery, NBA_REQUEST_HEADERS } from './request-headers.js';

/**
 * The permission to send one request; see RateLimitGate in the queue domain. The grant stamps the
 * send; `release` frees the in-flight slot when the answer starts (or the request failed).
 */
export interface RequestGate {
  acquire(
    signal?: AbortSignal,
  ): Promise<{ stale(): boolean; markSent(): Promise<number>; release(): Promise<void> }>;
}

/** One request that left: its send stamp (Redis clock, microseconds) and what it was. */
export interface SentRequest {
  readonly sentAtUs: number;
  readonly endpoint: string;
  readonly url: string;
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
  /** Told of every request as it leaves (the send audit of NBA_SEND_LOG_FILE). */
  readonly onSend?: (sent: SentRequest) => void;
}

const SEND_HEADERS = 'undici:client:sendHeaders';
/** A try whose grant ran out before the request could be written: ask the gate again. */
const STALE_GRANT = Symbol('stale grant');
const MAX_STALE_GRANTS = 5;

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
  /** The gate's send stamp, Redis clock, microseconds since the epoch. */
  readonly sentAtUs: number;
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
  private readonly onSend: NbaClientOptions['onSend'];
  /** Requests granted but not yet written, by path: their headers stamp the send. */
  private readonly unsent = new Map<string, (socket: { destroy(): void } | undefined) => void>();
  private readonly onHeaders = (message: unknown) => {
    const { request: req, socket } = message as {
      request?: { path?: unknown };
      socket?: { destroy(): void };
    };
    if (typeof req?.path === 'string') this.unsent.get(req.path)?.(socket);
  };

  constructor(options: NbaClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.gate = options.gate;
    this.onSend = options.onSend;
    const timeouts = {
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      connectTimeout: this.timeoutMs,
    };
    this.dispatcher = options.proxy
      ? new ProxyAgent({ uri: options.proxy, ...timeouts })
      : new Agent({ ...timeouts, keepAliveTimeout: 30_000 });
    // undici publishes this synchronously as it writes a request's headers to the socket.
    diagnosticsChannel.subscribe(SEND_HEADERS, this.onHeaders);
  }

  /** GET `<baseUrl>/<endpoint>?<sorted params>`, after taking the gate. */
  async get(endpoint: string, params: Readonly<Record<string, string>>): Promise<NbaResponse> {
    const url = `${this.baseUrl}/${endpoint}?${buildQuery(params)}`;
    for (let tries = 1; ; tries++) {
      const outcome = await this.send(endpoint, url);
      if (outcome !== STALE_GRANT) return outcome;
      if (tries >= MAX_STALE_GRANTS) {
        throw new NbaRequestError(
          'connection',
          `${endpoint}: the request could not be written within its grant ${tries} times in a row (is the process starved of CPU?)`,
        );
      }
    }
  }

  /**
   * One try: take the gate, write, read. The send is stamped on Redis in the very tick undici
   * writes the headers (a busy event loop can put that well after the grant); a grant that ran
   * out before then is given up unsent (its socket destroyed before a byte of the request
   * leaves). The in-flight slot is held until the answer's first byte; a stalled request frees
   * it at the gate's hold cap.
   */
  private async send(endpoint: string, url: string): Promise<NbaResponse | typeof STALE_GRANT> {
    const pass = await this.gate.acquire().catch((error: unknown) => {
      // Redis refused the gate (OOM, MISCONF, READONLY, connection): our state, not the API.
      throw new NbaRequestError('state', `${endpoint}: the request gate failed: ${errorText(error)}`, {
        cause: error,
      });
    });
    const release = () => void pass.release().catch(() => undefined);
    const path = new URL(url).pathname + new URL(url).search;
    let sent: Promise<number> | undefined;
    let stale = false;
    this.unsent.set(path, (socket) => {
      if (sent === undefined && pass.stale()) {
        stale = true;
        socket?.destroy();
        return;
      }
      sent ??= pass.markSent();
    });
    const started = performance.now();
    try {
      const response = await request(url, {
        method: 'GET',
        // A copy: undici's ProxyAgent adds `host` to the headers it is given, and these are frozen.
        headers: { ...NBA_REQUEST_HEADERS },
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      release();
      const sentAtUs = await this.sent(sent, endpoint, url);
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
      return {
        url,
        status: response.statusCode,
        body,
        wireBytes: raw.length,
        responseMs,
        sentAtUs,
      };
    } catch (error) {
      release();
      if (stale) return STALE_GRANT;
      if (error instanceof NbaRequestError) throw error;
      await this.sent(sent, endpoint, url);
      const kind = classifyFailure(error);
      const reason = error instanceof Error ? error.message : String(error);
      const message =
        kind === 'timeout'
          ? `${endpoint} gave no answer within ${this.timeoutMs} ms`
          : `${endpoint}: ${reason}`;
      throw new NbaRequestError(kind, message, { cause: error });
    } finally {
      this.unsent.delete(path);
    }
  }

  /**
   * The send stamp of a request that was written, told to `onSend`; -1 when it never left, or
   * when Redis could not stamp it (the grant's own stamp then stands in the gate).
   */
  private async sent(sent: Promise<number> | undefined, endpoint: string, url: string): Promise<number> {
    if (sent === undefined) return -1;
    const sentAtUs = await sent.catch(() => -1);
    if (sentAtUs < 0) return -1;
    this.onSend?.({ sentAtUs, endpoint, url });
    return sentAtUs;
  }

  async close(): Promise<void> {
    diagnosticsChannel.unsubscribe(SEND_HEADERS, this.onHeaders);
    await this.dispatcher.close();
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
