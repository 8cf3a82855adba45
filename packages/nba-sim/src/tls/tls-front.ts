import {
  createSecureServer,
  type Http2SecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from 'node:http2';
import { createServer, type Server, type Socket } from 'node:net';
import { readTlsClientHello } from 'read-tls-client-hello';
import { errorMessage } from '../error-message.js';
import type { Connection } from '../exchange.js';
import { edgeVerdict, fingerprintOf, type HelloFingerprint } from './edge.js';
import type { SelfSignedCertificate } from './self-signed-certificate.js';

/** One TCP connection to the TLS port, as the edge saw its ClientHello. */
export interface TlsConnectionEntry {
  /** 1, 2, 3... in arrival order. */
  readonly seq: number;
  /** ClientHello read, epoch ms (`performance.timeOrigin + performance.now()`). */
  readonly time: number;
  readonly remoteAddress: string | null;
  readonly remotePort: number | null;
  /** Null when the first bytes were no TLS ClientHello. */
  readonly ja4: string | null;
  readonly tls13: boolean;
  readonly alpn: readonly string[];
  /** `pass`: the TLS handshake goes on; `hold`: kept open and never answered (edge only). */
  readonly verdict: 'pass' | 'hold';
  /** Why the edge held it; null when passed. */
  readonly reason: string | null;
}

/** Every connection to the TLS port (passed or held), oldest first, bounded like the request log. */
export class TlsConnectionLog {
  private readonly list: TlsConnectionEntry[] = [];
  private seq = 0;

  constructor(private readonly maxEntries = 100_000) {}

  record(entry: Omit<TlsConnectionEntry, 'seq'>): TlsConnectionEntry {
    const full: TlsConnectionEntry = { seq: ++this.seq, ...entry };
    this.list.push(full);
    if (this.list.length > this.maxEntries) this.list.shift();
    return full;
  }

  entries(): TlsConnectionEntry[] {
    return this.list.map((e) => ({ ...e }));
  }

  clear(): void {
    this.list.length = 0;
  }
}

export interface TlsFrontOptions {
  readonly certificate: SelfSignedCertificate;
  /** Hold every connection whose ClientHello does not look like a browser's. */
  readonly edge: boolean;
  readonly log: TlsConnectionLog;
  readonly handler: (req: Http2ServerRequest, res: Http2ServerResponse) => void;
}

interface RawConnection {
  readonly socket: Socket;
  fingerprint: HelloFingerprint | null;
}

const keyOf = (s: { remoteAddress?: string | undefined; remotePort?: number | undefined }) =>
  `${s.remoteAddress ?? ''}|${s.remotePort ?? ''}`;

/**
 * The HTTPS port: a TCP server that reads each ClientHello first (read-tls-client-hello puts the
 * bytes back), then hands the socket to an HTTP/2 server that also speaks HTTP/1.1 (ALPN), or,
 * with the edge on and no browser-like hello, keeps it open and sends nothing, like Akamai.
 */
export class TlsFront {
  readonly secureServer: Http2SecureServer;
  private readonly tcp: Server;
  private readonly connections = new Map<string, RawConnection>();
  private closing = false;

  constructor(private readonly options: TlsFrontOptions) {
    this.secureServer = createSecureServer(
      { key: options.certificate.key, cert: options.certificate.cert, allowHTTP1: true },
      options.handler,
    );
    // A failed handshake (or a client that hung up) is the client's business.
    this.secureServer.on('tlsClientError', () => {});
    this.tcp = createServer((socket) => {
      void this.accept(socket);
    });
  }

  /** The connection under a request's socket (TLSSocket or the HTTP/2 session's), by its peer address. */
  connectionOf(socket: {
    remoteAddress?: string | undefined;
    remotePort?: number | undefined;
  }): Connection | undefined {
    const raw = this.connections.get(keyOf(socket));
    if (!raw) return undefined;
    return { ja4: raw.fingerprint?.ja4 ?? null, reset: () => raw.socket.resetAndDestroy() };
  }

  private async accept(socket: Socket): Promise<void> {
    socket.on('error', () => {});
    const key = keyOf(socket);
    const raw: RawConnection = { socket, fingerprint: null };
    this.connections.set(key, raw);
    socket.once('close', () => {
      if (this.connections.get(key) === raw) this.connections.delete(key);
    });
    let reason: string | null = null;
    try {
      raw.fingerprint = fingerprintOf(await readTlsClientHello(socket));
    } catch (error: unknown) {
      reason = `no TLS ClientHello (${errorMessage(error)})`;
    }
    if (socket.destroyed || this.closing) return;
    const verdict = this.options.edge ? edgeVerdict(raw.fingerprint) : null;
    const hold = verdict !== null && !verdict.pass;
    this.options.log.record({
      time: performance.timeOrigin + performance.now(),
      remoteAddress: socket.remoteAddress ?? null,
      remotePort: socket.remotePort ?? null,
      ja4: raw.fingerprint?.ja4 ?? null,
      tls13: raw.fingerprint?.tls13 ?? false,
      alpn: raw.fingerprint?.alpn ?? [],
      verdict: hold ? 'hold' : 'pass',
      reason: hold ? (reason ?? (verdict.pass ? null : verdict.reason)) : null,
    });
    // Held: accepted, never answered; close() destroys it.
    if (!hold) this.secureServer.emit('connection', socket);
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.tcp.once('error', reject);
      this.tcp.listen(port, host, () => {
        this.tcp.off('error', reject);
        const address = this.tcp.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** Stops listening and destroys every connection: held, handshaking, HTTP/1.1 and HTTP/2. */
  close(): Promise<void> {
    this.closing = true;
    const closed = new Promise<void>((resolve, reject) => {
      if (!this.tcp.listening) {
        resolve();
        return;
      }
      this.tcp.close((error) => (error ? reject(error) : resolve()));
    });
    for (const { socket } of this.connections.values()) socket.destroy();
    this.connections.clear();
    return closed;
  }
}
