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

describe('impersonatedBrowser', () => {
  it("names the browser of nba_api's headers and the transport that sends them", () => {
    expect(impersonatedBrowser()).toEqual({
      browser: 'Chrome 145 on macOS',
      transport: "undici (Node's TLS and HTTP/1.1, not the browser's)",
      userAgent: NBA_REQUEST_HEADERS['User-Agent'],
    });
  });

  it('reads other User-Agents', () => {
    const of = (ua: string) => impersonatedBrowser({ 'User-Agent': ua }).browser;
    expect(of('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
      'Firefox 133 on Windows',
    );
    expect(
      of(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      ),
    ).toBe('Edge 131 on Windows');
    expect(
      of(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
      ),
    ).toBe('Safari 18 on macOS');
    expect(of('curl/8.5.0')).toBe('an unknown browser');
  });
});
