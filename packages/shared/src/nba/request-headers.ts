/**
 * The browser every NBA request passes for: impit's profile copies its TLS ClientHello, HTTP/2
 * settings and header set (User-Agent, client hints, Accept-Language, Accept-Encoding), so no
 * header here may name another browser or version.
 */
export const IMPERSONATION = Object.freeze({
  profile: 'chrome151',
  browser: 'Chrome 151 on Windows',
} as const);

/**
 * On top of the browser's own: what Chrome sends for www.nba.com's own script calling the API
 * (a cross-site `fetch`, not a page load), which is what the API sees from real users.
 * An empty value removes a header of the profile's page-load set.
 */
export const NBA_REQUEST_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  Accept: 'application/json, text/plain, */*',
  Referer: 'https://www.nba.com/',
  Origin: 'https://www.nba.com',
  'Sec-Fetch-Site': 'same-site',
  'Sec-Fetch-Mode': 'cors',
  'Sec-Fetch-Dest': 'empty',
  'Sec-Fetch-User': '',
  'Upgrade-Insecure-Requests': '',
  Priority: 'u=1, i',
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
  readonly browser: string;
  /** impit's profile name. */
  readonly profile: string;
  readonly transport: string;
}

export function impersonatedBrowser(): ImpersonatedBrowser {
  return {
    browser: IMPERSONATION.browser,
    profile: IMPERSONATION.profile,
    transport: "impit (the browser's TLS handshake, HTTP/2 settings and headers)",
  };
}
