/**
 * The headers nba_api v1.11.4 sends (REFERENCE §1.2). Stale header sets make stats.nba.com hang
 * rather than refuse, so these track the library's. `Host` is left to the transport so the
 * simulator (or a proxy) gets its own.
 */
export const NBA_REQUEST_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'User-Agent':
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36',
  Accept: 'application/json, text/plain, */*',
  'Accept-Language': 'en-US,en;q=0.5',
  'Accept-Encoding': 'gzip, deflate, br',
  Connection: 'keep-alive',
  Referer: 'https://www.nba.com/',
  Pragma: 'no-cache',
  'Cache-Control': 'no-cache',
  'Sec-Ch-Ua': '"Not:A-Brand";v="99", "Google Chrome";v="145", "Chromium";v="145"',
  'Sec-Ch-Ua-Mobile': '?0',
  'Sec-Fetch-Dest': 'empty',
});

/** The query string as nba_api builds it: every parameter, sorted by key, form-encoded. */
export function buildQuery(params: Readonly<Record<string, string>>): string {
  const sorted = Object.keys(params).sort();
  const search = new URLSearchParams();
  for (const key of sorted) search.append(key, params[key] ?? '');
  return search.toString();
}

/** Which browser the NBA requests pass for, as `planner doctor` prints it. */
export interface ImpersonatedBrowser {
  /** e.g. `Chrome 145 on macOS`, read from the User-Agent. */
  readonly browser: string;
  /** What sends the request; the TLS and HTTP/2 fingerprints are the transport's, not the browser's. */
  readonly transport: string;
  readonly userAgent: string;
}

/** Browsers by User-Agent token, most specific first (Edge and Chrome both say Safari). */
const BROWSERS: readonly (readonly [name: string, version: RegExp])[] = [
  ['Edge', /\bEdg\/(\d+)/],
  ['Chrome', /\bChrome\/(\d+)/],
  ['Firefox', /\bFirefox\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//],
];
const PLATFORMS: readonly (readonly [name: string, token: RegExp])[] = [
  ['macOS', /Macintosh|Mac OS X/],
  ['Windows', /Windows NT/],
  ['Android', /Android/],
  ['Linux', /Linux|X11/],
];

/**
 * The browser the client impersonates. Today: nba_api's Chrome headers sent over undici (Node's
 * TLS). The one place to change when the transport moves (to `impit`, which also copies the
 * browser's TLS handshake).
 */
export function impersonatedBrowser(
  headers: Readonly<Record<string, string>> = NBA_REQUEST_HEADERS,
): ImpersonatedBrowser {
  const userAgent = headers['User-Agent'] ?? '';
  let browser = 'an unknown browser';
  for (const [name, pattern] of BROWSERS) {
    const version = pattern.exec(userAgent)?.[1];
    if (version !== undefined) {
      browser = `${name} ${version}`;
      break;
    }
  }
  const platform = PLATFORMS.find(([, token]) => token.test(userAgent))?.[0];
  return {
    browser: platform === undefined ? browser : `${browser} on ${platform}`,
    transport: "undici (Node's TLS and HTTP/1.1, not the browser's)",
    userAgent,
  };
}
