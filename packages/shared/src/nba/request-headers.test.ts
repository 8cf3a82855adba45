import { describe, expect, it } from 'vitest';
import { buildQuery, impersonatedBrowser, NBA_REQUEST_HEADERS } from './request-headers.js';

describe('buildQuery', () => {
  it('sorts keys and form-encodes like nba_api (real recorded URL)', () => {
    expect(
      buildQuery({
        Season: '2025-26',
        SeasonType: 'Regular Season',
        PlayerOrTeam: 'T',
        LeagueID: '00',
        Counter: '0',
        Sorter: 'DATE',
        Direction: 'ASC',
        DateFrom: '',
        DateTo: '',
      }),
    ).toBe(
      'Counter=0&DateFrom=&DateTo=&Direction=ASC&LeagueID=00&PlayerOrTeam=T&Season=2025-26&SeasonType=Regular+Season&Sorter=DATE',
    );
  });
});

describe('NBA_REQUEST_HEADERS', () => {
  it("never names a browser or version against impit's profile: those headers are the profile's own", () => {
    const names = Object.keys(NBA_REQUEST_HEADERS).map((name) => name.toLowerCase());
    for (const own of ['user-agent', 'sec-ch-ua', 'sec-ch-ua-platform', 'accept-language', 'accept-encoding'])
      expect(names).not.toContain(own);
    // Hop-by-hop headers are forbidden over HTTP/2.
    expect(names).not.toContain('connection');
  });

  it("asks like www.nba.com's own script: a cross-site fetch for JSON", () => {
    expect(NBA_REQUEST_HEADERS).toMatchObject({
      Accept: 'application/json, text/plain, */*',
      Referer: 'https://www.nba.com/',
      Origin: 'https://www.nba.com',
      'Sec-Fetch-Mode': 'cors',
      'Sec-Fetch-Dest': 'empty',
      'Sec-Fetch-User': '',
      'Upgrade-Insecure-Requests': '',
    });
  });
});

describe('impersonatedBrowser', () => {
  it("names impit's profile and what it copies", () => {
    expect(impersonatedBrowser()).toEqual({
      browser: 'Chrome 151 on Windows',
      profile: 'chrome151',
      transport: "impit (the browser's TLS handshake, HTTP/2 settings and headers)",
    });
  });
});
