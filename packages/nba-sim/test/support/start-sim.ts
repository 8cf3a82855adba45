import { request } from 'node:http';
import { createSimServer, type SimServer, type SimServerOptions } from '../../src/index.js';

export interface StartedSim {
  readonly sim: SimServer;
  readonly url: string;
  readonly statsUrl: string;
  /** With `tlsPort` in the options. */
  readonly tlsUrl?: string;
  readonly tlsStatsUrl?: string;
}

/** Starts a simulator on a free 127.0.0.1 port; pair with `sim.close()` in afterAll. */
export async function startSim(options: SimServerOptions = {}): Promise<StartedSim> {
  const sim = createSimServer(options);
  return { sim, ...(await sim.listen(0, '127.0.0.1')) };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A GET with exactly the given headers and no decompression, to see the bytes on the wire. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The query strings nba_api sends (REFERENCE §1.1). */
export const NBA_API_QUERIES = {
  leagueGameLog: (season: string, seasonType: string) =>
    `Counter=0&DateFrom=&DateTo=&Direction=ASC&LeagueID=00&PlayerOrTeam=T&Season=${season}&SeasonType=${seasonType.replace(/ /g, '+')}&Sorter=DATE`,
  boxScore: (gameId: string) =>
    `EndPeriod=0&EndRange=0&GameID=${gameId}&RangeType=0&StartPeriod=0&StartRange=0`,
  playByPlay: (gameId: string) => `EndPeriod=0&GameID=${gameId}&StartPeriod=0`,
  commonAllPlayers: (season: string, onlyCurrent: 0 | 1) =>
    `IsOnlyCurrentSeason=${onlyCurrent}&LeagueID=00&Season=${season}`,
};

/** nba_api's request headers (REFERENCE §1.2). */
export const NBA_API_HEADERS = {
  'User-Agent':
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36',
  Accept: 'application/json, text/plain, */*',
  'Accept-Language': 'en-US,en;q=0.5',
  'Accept-Encoding': 'gzip, deflate, br',
  Referer: 'https://www.nba.com/',
};
