import { errorMessage } from '../log/index.js';
import { classifyFailure, classifyStatus, parseRetryAfter } from './classify.js';
import { NbaRequestError } from './errors.js';
import { ImpitTransport } from './impit-transport.js';
import { buildQuery, NBA_REQUEST_HEADERS } from './request-headers.js';
import type { NbaTransport } from './transport.js';

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
  /** HTTP, HTTPS, SOCKS4 or SOCKS5 proxy URL for every NBA request. */
  readonly proxy?: string | undefined;
  /** Accept a self-signed certificate (the simulator over HTTPS); config refuses it for stats.nba.com. */
  readonly insecureTls?: boolean | undefined;
  /** Taken before every request; there is no way around it. */
  readonly gate: RequestGate;
  /** Told of every request as it leaves (the send audit of NBA_SEND_LOG_FILE). */
  readonly onSend?: (sent: SentRequest) => void;
}

/** A try whose grant ran out before the request could be handed over: ask the gate again. */
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
 * The stats.nba.com HTTP client: a browser's handshake and headers (the transport), a deadline,
 * an optional proxy, and no retries of its own (BullMQ retries jobs). Every failure is an
 * NbaRequestError with a kind.
 */
export class NbaClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly gate: RequestGate;
  private readonly transport: NbaTransport;
  private readonly onSend: NbaClientOptions['onSend'];

  constructor(options: NbaClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.gate = options.gate;
    this.onSend = options.onSend;
    this.transport = new ImpitTransport({
      proxy: options.proxy,
      insecureTls: options.insecureTls,
      timeoutMs: this.timeoutMs,
    });
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
          `${endpoint}: the request could not be sent within its grant ${tries} times in a row (is the process starved of CPU?)`,
        );
      }
    }
  }

  /**
   * One try: take the gate, send, read. The send is stamped on Redis in the tick the request is
   * handed to the transport, which writes it at once on a pooled connection, or after a TCP
   * and TLS handshake on a new one (docs/adr/0001). A grant that ran out before then is given
   * up unsent. The in-flight slot is held until the answer's headers; a stalled request frees
   * it at the gate's hold cap.
   */
  private async send(endpoint: string, url: string): Promise<NbaResponse | typeof STALE_GRANT> {
    const pass = await this.gate.acquire().catch((error: unknown) => {
      // Redis refused the gate (OOM, MISCONF, READONLY, connection): our state, not the API.
      throw new NbaRequestError('state', `${endpoint}: the request gate failed: ${errorMessage(error)}`, {
        cause: error,
      });
    });
    const release = () => void pass.release().catch(() => undefined);
    if (pass.stale()) {
      release();
      return STALE_GRANT;
    }
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const sent = pass.markSent();
    // Read only once the answer starts: a Redis failure meanwhile must not be an unhandled rejection.
    sent.catch(() => undefined);
    // Told to onSend once, whether the request then succeeds or fails (even mid-body).
    let reported: Promise<number> | undefined;
    const stamp = () => {
      reported ??= this.sent(sent, endpoint, url);
      return reported;
    };
    const started = performance.now();
    try {
      const answer = await this.transport.get(url, NBA_REQUEST_HEADERS, deadline);
      release();
      const sentAtUs = await stamp();
      const { text: body, wireBytes } = await answer.body();
      const responseMs = performance.now() - started;
      const kind = classifyStatus(answer.status);
      if (kind !== undefined) {
        throw new NbaRequestError(kind, `${endpoint} answered HTTP ${answer.status}`, {
          status: answer.status,
          body,
          retryAfterSeconds: parseRetryAfter(answer.header('retry-after'), new Date()),
        });
      }
      return { url, status: answer.status, body, wireBytes, responseMs, sentAtUs };
    } catch (error) {
      release();
      await stamp();
      if (error instanceof NbaRequestError) throw error;
      // impit reports an abort mid-body as a plain Error: the deadline decides, not the message.
      const kind = deadline.aborted ? 'timeout' : classifyFailure(error);
      const message =
        kind === 'timeout'
          ? `${endpoint} gave no answer within ${this.timeoutMs} ms`
          : `${endpoint}: ${errorMessage(error)}`;
      throw new NbaRequestError(kind, message, { cause: error });
    }
  }

  /**
   * The send stamp of a request that was handed over, told to `onSend`; -1 when Redis could not
   * stamp it (the grant's own stamp then stands in the gate).
   */
  private async sent(sent: Promise<number>, endpoint: string, url: string): Promise<number> {
    const sentAtUs = await sent.catch(() => -1);
    if (sentAtUs < 0) return -1;
    this.onSend?.({ sentAtUs, endpoint, url });
    return sentAtUs;
  }

  async close(): Promise<void> {
    await this.transport.close();
  }
}
