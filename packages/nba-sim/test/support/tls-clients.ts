import { connect } from 'node:http2';
import { request } from 'node:https';

export interface TlsResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
  /** `2.0` or `1.1`, as the client saw it. */
  readonly httpVersion: string;
}

export interface TlsGetOptions {
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
  /** Trust this certificate (PEM) instead of accepting any. */
  readonly ca?: string;
}

const trust = (ca: string | undefined) => (ca ? { ca } : { rejectUnauthorized: false });

/** One GET over HTTP/2 with `node:http2` on its own session, no decompression. */
export function h2Get(origin: string, path: string, options: TlsGetOptions = {}): Promise<TlsResponse> {
  return new Promise((resolve, reject) => {
    const session = connect(origin, trust(options.ca));
    const fail = (error: unknown) => {
      session.destroy();
      reject(error);
    };
    session.on('error', fail);
    const stream = session.request(
      { ':method': 'GET', ':path': path, ...options.headers },
      options.signal ? { signal: options.signal } : {},
    );
    stream.on('error', fail);
    stream.on('response', (headers) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        session.close();
        resolve({
          status: Number(headers[':status']),
          headers: headers as Record<string, string | string[] | undefined>,
          body: Buffer.concat(chunks),
          httpVersion: '2.0',
        });
      });
    });
    stream.end();
  });
}

/** One GET with `node:https` (HTTP/1.1, no ALPN), no agent, no decompression. */
export function httpsGet(url: string, options: TlsGetOptions = {}): Promise<TlsResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: options.headers, agent: false, signal: options.signal, ...trust(options.ca) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            httpVersion: res.httpVersion,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** How a request ended: an answer, or the error it failed with, and when. */
export async function outcomeOf(
  attempt: Promise<unknown>,
): Promise<{ answered: boolean; error: string | null; ms: number }> {
  const t0 = performance.now();
  try {
    await attempt;
    return { answered: true, error: null, ms: performance.now() - t0 };
  } catch (error: unknown) {
    const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { answered: false, error: name, ms: performance.now() - t0 };
  }
}
