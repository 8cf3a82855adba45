import { Impit } from 'impit';
import { IMPERSONATION } from './request-headers.js';
import type { NbaTransport, TransportAnswer, TransportOptions } from './transport.js';

/** Beyond the client's own deadline, so the client's AbortSignal always fires first. */
const BACKSTOP_MS = 5_000;

/**
 * NBA requests through `impit` (docs/adr/0009): a Rust HTTP client that sends the impersonated
 * browser's TLS ClientHello, HTTP/2 settings and header set, which Akamai's bot check looks at
 * before any header. One instance, so its connection pool (HTTP/2, keep-alive) is shared.
 */
export class ImpitTransport implements NbaTransport {
  private readonly impit: Impit;

  constructor(options: TransportOptions) {
    this.impit = new Impit({
      browser: IMPERSONATION.profile,
      proxyUrl: options.proxy,
      ignoreTlsErrors: options.insecureTls === true,
      timeout: options.timeoutMs + BACKSTOP_MS,
      // stats.nba.com does not redirect API calls (classifyStatus: a redirect is a fault).
      followRedirects: false,
    });
  }

  async get(
    url: string,
    headers: Readonly<Record<string, string>>,
    signal: AbortSignal,
  ): Promise<TransportAnswer> {
    const response = await this.impit
      .fetch(url, { method: 'GET', headers: { ...headers }, signal })
      .catch((error: unknown) => {
        throw oneLineError(error);
      });
    return {
      status: response.status,
      header: (name) => response.headers.get(name) ?? undefined,
      body: async () => {
        // impit decodes the body itself; Content-Length still counts the encoded bytes.
        const decoded = Buffer.from(
          await response.arrayBuffer().catch((error: unknown) => {
            throw oneLineError(error);
          }),
        );
        const encoded = response.headers.has('content-encoding')
          ? Number(response.headers.get('content-length') ?? Number.NaN)
          : decoded.length;
        return {
          text: decoded.toString('utf8'),
          wireBytes: Number.isFinite(encoded) ? encoded : decoded.length,
        };
      },
    };
  }

  async close(): Promise<void> {
    // impit has no close: its pool goes with the instance, and holds no handle open.
  }
}

/**
 * impit's errors carry Rust's debug dump of the cause over a dozen lines; logs, job failures
 * and `planner doctor` want one line. Keeps the error's name (its class, which classifyFailure
 * reads) and the original as `cause`. Pure.
 */
export function oneLineError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const [headline = '', ...rest] = error.message.split('\n');
  if (rest.length === 0) return error;
  const dump = rest.join(' ').replace(/\s+/g, ' ');
  const address = /(\d{1,3}(?:\.\d{1,3}){3}:\d+|\[[0-9a-fA-F:]+\]:\d+)/.exec(dump)?.[1];
  const certificate = /InvalidCertificate\( ?(\w+)/.exec(dump)?.[1];
  const reason =
    /message: "([^"]+)"/.exec(dump)?.[1] ??
    /error: "([^"]+)"/.exec(dump)?.[1] ??
    (certificate === undefined ? undefined : `invalid certificate (${certificate})`) ??
    /ConnectError\( ?"([^"]+)"/.exec(dump)?.[1] ??
    dump.trim();
  const head = headline.replace(/\.$/, '');
  const short = new Error(`${head}${address === undefined ? '' : ` (${address})`}: ${reason}`, {
    cause: error,
  });
  short.name = error.name;
  return short;
}
