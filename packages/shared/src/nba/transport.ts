/**
 * What sends an NBA request over the wire. One implementation (impit, ./impit-transport.ts); the
 * interface keeps the client's rules (the gate, the deadline, the error classes) apart from how
 * a browser's handshake is copied.
 */
export interface NbaTransport {
  /**
   * Sends GET `url` with `headers` on top of the impersonated browser's own; resolves when the
   * answer's headers have arrived. Rejects with the transport's own errors (see classifyFailure).
   */
  get(url: string, headers: Readonly<Record<string, string>>, signal: AbortSignal): Promise<TransportAnswer>;
  close(): Promise<void>;
}

/** An answer whose headers have arrived; the body is still on the wire. */
export interface TransportAnswer {
  readonly status: number;
  /** A response header, by case-insensitive name. */
  header(name: string): string | undefined;
  /** Reads the whole body, decoded (gzip, deflate, br, zstd) to UTF-8, and its size on the wire. */
  body(): Promise<{ readonly text: string; readonly wireBytes: number }>;
}

export interface TransportOptions {
  /** HTTP, HTTPS, SOCKS4 or SOCKS5 proxy URL for every request. */
  readonly proxy?: string | undefined;
  /** Accept any certificate (the simulator's self-signed one); never for stats.nba.com. */
  readonly insecureTls?: boolean | undefined;
  /** A backstop deadline inside the transport; the client's own AbortSignal comes first. */
  readonly timeoutMs: number;
}
