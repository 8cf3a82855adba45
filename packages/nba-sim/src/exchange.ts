import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';

/** A request of the plain HTTP server or of the TLS port (HTTP/1.1 or HTTP/2 compatibility API). */
export type SimRequest = IncomingMessage | Http2ServerRequest;
export type SimResponse = ServerResponse | Http2ServerResponse;

/** What a request handler can learn about (and do to) the TCP connection under a request. */
export interface Connection {
  /** JA4 of the connection's TLS ClientHello; null over plain HTTP. */
  readonly ja4: string | null;
  /** TCP RST of the whole connection (over HTTP/2, of every stream on it). */
  reset(): void;
}

/** Whether the client is gone (HTTP/2's compatibility response has no `destroyed` of its own). */
export function isGone(res: SimResponse): boolean {
  return 'stream' in res ? res.stream.destroyed : res.destroyed;
}

/** `writeHead` + `end` with a body, on either kind of response. */
export function sendBody(
  res: SimResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
): void {
  // The two writeHead overloads are compatible at runtime; TypeScript cannot call the union.
  (res as ServerResponse).writeHead(status, headers);
  res.end(body);
}
