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
