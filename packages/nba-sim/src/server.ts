import { createServer, type Server } from 'node:http';
import type { Http2SecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { ControlBodyError } from './control-bodies.js';
import { handleControl } from './control-routes.js';
import { errorMessage } from './error-message.js';
import { type Connection, isGone, type SimRequest, type SimResponse, sendBody } from './exchange.js';
import { FaultInjector } from './faults/fault-injector.js';
import type { FaultPlan } from './faults/fault-plan.js';
import { applyFault } from './faults/fault-response.js';
import { truncateAnswer } from './faults/truncate.js';
import { type HttpVersion, RequestLog } from './request-log.js';
import { gzipOf, ResponseCache } from './response-cache.js';
import type { QueryParams } from './routes/route.js';
import { ROUTES } from './routes/route-table.js';
import type { ScheduledGame } from './season/game-types.js';
import { DEFAULT_SEED, type Season, type SeasonOptions, type SeasonSlice, sliceOf } from './season/season.js';
import { servedSeasonNames } from './season/season-list.js';
import type { SeasonSummary } from './season/season-summary.js';
import { ServedSeasons } from './served-seasons.js';
import { SimState } from './sim-state.js';
import { statsHeaders } from './stats-headers.js';
import { createSelfSignedCertificate } from './tls/self-signed-certificate.js';
import { TlsConnectionLog, TlsFront } from './tls/tls-front.js';

export interface SimServerOptions extends SeasonOptions, SeasonSlice {
  /**
   * Every season to serve, first one first (`season`, when also given, must be the first). Each
   * may be a range `2022-23..2024-25`. Seasons after the first are built on first use. The slice
   * dates are the first season's; each other season gets them shifted by whole years.
   * @defaultValue [season]
   */
  readonly seasons?: readonly string[];
  /**
   * `YYYY-MM-DD`: games after it are unplayed (not listed, box score and play-by-play answer like an
   * unknown game), games on it are in progress (cut in the 3rd period), games before it are final.
   * `POST /__sim/today` moves it. @defaultValue every game final
   */
  readonly today?: string;
  /** Game ids whose box score has had a stat correction (one more assist each time listed). */
  readonly corrections?: readonly string[];
  /** Added before every `/stats` answer. @defaultValue 0 */
  readonly latencyMs?: number;
  /** Initial fault plan; `PUT /__sim/faults` replaces it. @defaultValue no faults */
  readonly faults?: FaultPlan;
  /**
   * Whether box score / play-by-play answer for games of the full season that the slice does not
   * list. When false they get the unknown-game answer. @defaultValue true
   */
  readonly serveUnlistedGames?: boolean;
  /** Upper bound of the response cache. @defaultValue 64 MiB */
  readonly cacheBytes?: number;
  /** Millisecond clock for fault ban windows. @defaultValue performance.now */
  readonly now?: () => number;
  /**
   * Also serve HTTPS (HTTP/2, HTTP/1.1 by ALPN) on this port (0 = any free port), on a self-signed
   * certificate made at start. @defaultValue no TLS port
   */
  readonly tlsPort?: number;
  /**
   * Akamai's bot check on the TLS port: a connection whose ClientHello is not a browser's
   * (TLS 1.3, h2, Chrome's or Firefox's JA4 cipher hash) is accepted and never answered.
   * Needs `tlsPort`. @defaultValue false
   */
  readonly edge?: boolean;
}

export interface SimUrls {
  /** `http://host:port` */
  readonly url: string;
  /** `${url}/stats` */
  readonly statsUrl: string;
  /** `https://host:tlsPort` when `tlsPort` was given. */
  readonly tlsUrl?: string;
  /** `${tlsUrl}/stats` when `tlsPort` was given. */
  readonly tlsStatsUrl?: string;
}

export interface SimServer {
  readonly server: Server;
  /** The HTTP/2 server behind the TLS port (it never listens itself: the edge hands it sockets). */
  readonly tlsServer: Http2SecureServer | undefined;
  /** PEM of the TLS port's self-signed certificate, for clients that want to trust it (`ca`). */
  readonly tlsCertificate: string | undefined;
  /** Every connection to the TLS port with its JA4 and the edge's verdict. */
  readonly tlsConnections: TlsConnectionLog;
  /** The first served season. */
  readonly season: Season;
  /** Every served season's name, first one first. */
  readonly seasons: readonly string[];
  /** What the first season's game log lists now (the slice, without games after `today`). */
  readonly listedGames: readonly ScheduledGame[];
  readonly requestLog: RequestLog;
  readonly faults: FaultInjector;
  /** Same as `GET /__sim/season[?season=]`; throws for a season that is not served. */
  summary(season?: string): SeasonSummary;
  /** The simulated day, or undefined when every game is final. */
  readonly today: string | undefined;
  /** Same as `POST /__sim/today`: moves the day and drops every cached body. */
  setToday(today: string | undefined): void;
  /** Same as `POST /__sim/corrections`: one more stat correction of that game's box score. */
  addCorrection(gameId: string): void;
  /** Same as `DELETE /__sim/corrections`. */
  clearCorrections(): void;
  /**
   * Listens (port 0 = any free port), and on `tlsPort` too; resolves with `http://host:port`,
   * the `/stats` base URL and, with a TLS port, their `https://` twins.
   */
  listen(port?: number, host?: string): Promise<SimUrls>;
  /** Stops listening and drops every open connection, stalled ones included. */
  close(): Promise<void>;
}

function parseQuery(search: URLSearchParams): { raw: Record<string, string>; params: QueryParams } {
  const raw: Record<string, string> = {};
  const params = new Map<string, string>();
  for (const [key, value] of search) {
    raw[key] = value;
    if (value === '') params.delete(key);
    else params.set(key, value);
  }
  return { raw, params };
}

function headersOf(req: SimRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function httpVersionOf(req: SimRequest): HttpVersion {
  if (req.httpVersionMajor === 2) return '2';
  return req.httpVersion === '1.0' ? '1.0' : '1.1';
}

const origin = (scheme: string, host: string, port: number) =>
  `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;

/**
 * Builds the simulator (season, routes, request log, faults) without listening.
 * @see DESIGN §11
 */
export function createSimServer(options: SimServerOptions = {}): SimServer {
  if (options.edge && options.tlsPort === undefined) throw new Error('createSimServer: edge needs tlsPort');
  const state = new SimState(options.today, options.corrections);
  const seasons = new ServedSeasons(
    {
      seed: options.seed ?? DEFAULT_SEED,
      seasons: servedSeasonNames(options.season, options.seasons),
      slice: sliceOf(options),
      serveUnlistedGames: options.serveUnlistedGames ?? true,
    },
    state,
  );
  const season = seasons.firstSeason.season;
  const cache = new ResponseCache(options.cacheBytes);
  const requestLog = new RequestLog();
  const faults = new FaultInjector(options.faults, options.now);
  const tlsConnections = new TlsConnectionLog();
  const stalled = new Set<SimResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const summaryOf = (name: string | undefined): SeasonSummary | undefined =>
    (name === undefined ? seasons.firstSeason : seasons.season(name))?.summary();
  // Bodies depend on today and the corrections, which the cache key leaves out: drop them all.
  const setToday = (today: string | undefined): void => {
    state.setToday(today);
    cache.clear();
  };
  const addCorrection = (gameId: string): void => {
    if (!seasons.seasonOfGame(gameId)?.season.gameById.has(gameId))
      throw new ControlBodyError(`no game ${gameId} in the served seasons (${seasons.names.join(', ')})`);
    state.addCorrection(gameId);
    cache.clear();
  };
  const clearCorrections = (): void => {
    state.clearCorrections();
    cache.clear();
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handleStats(
    req: SimRequest,
    res: SimResponse,
    url: URL,
    connection: Connection,
  ): Promise<void> {
    const { raw, params } = parseQuery(url.searchParams);
    const endpoint = /^\/stats\/([a-z0-9]+)$/.exec(url.pathname)?.[1] ?? null;
    const entry = requestLog.record({
      time: performance.timeOrigin + performance.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      endpoint,
      query: raw,
      headers: headersOf(req),
      httpVersion: httpVersionOf(req),
      ja4: connection.ja4,
    });
    const route = endpoint ? ROUTES.get(endpoint) : undefined;
    if (!route || req.method !== 'GET') {
      entry.status = 404;
      sendBody(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('Not Found'));
      return;
    }
    const decision = faults.decide({ endpoint: route.endpoint, gameId: params.get('GameID') });
    entry.fault = decision.labels.length > 0 ? decision.labels.join(',') : null;
    const delay = (options.latencyMs ?? 0) + decision.latencyMs;
    if (delay > 0) await sleep(delay);
    if (isGone(res)) return;
    if (decision.terminal?.kind === 'truncated') {
      // The real answer, cut short; never cached, so the next one is whole.
      const result = route.handle(params, seasons);
      const body = Buffer.from(
        result.status === 200 ? truncateAnswer(route.endpoint, result.body) : result.body,
      );
      sendBody(
        res,
        result.status,
        { 'Content-Type': result.contentType, 'Content-Length': String(body.length) },
        body,
      );
      entry.status = result.status;
      entry.bytes = body.length;
      return;
    }
    if (decision.terminal) {
      const outcome = applyFault(
        decision.terminal,
        route.endpoint,
        req.url ?? '/',
        res,
        stalled,
        connection.reset,
      );
      entry.status = outcome.status;
      if (outcome.status !== null) entry.bytes = outcome.bytes;
      return;
    }
    const key = `${route.endpoint}?${route.keyParams.map((k) => `${k}=${params.get(k) ?? ''}`).join('&')}`;
    let cached = cache.get(key);
    if (!cached) {
      const result = route.handle(params, seasons);
      cached = {
        status: result.status,
        contentType: result.contentType,
        body: Buffer.from(result.body, 'utf8'),
      };
      cache.set(key, cached);
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? gzipOf(cached) : cached.body;
    const headers: Record<string, string> = {
      'Content-Type': cached.contentType,
      'Content-Length': String(body.length),
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      ...(cached.status === 200 ? statsHeaders(route) : {}),
    };
    sendBody(res, cached.status, headers, body);
    entry.status = cached.status;
    entry.bytes = body.length;
  }

  /** The one request handler of both ports. */
  function handle(req: SimRequest, res: SimResponse, connection: Connection): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const work = url.pathname.startsWith('/__sim/')
      ? handleControl(req, res, url, {
          requestLog,
          faults,
          tlsConnections,
          summary: summaryOf,
          seasons: seasons.names,
          today: () => state.today,
          setToday,
          corrections: () => state.correctionCounts(),
          addCorrection,
          clearCorrections,
        })
      : handleStats(req, res, url, connection);
    work.catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const message = `simulator error: ${errorMessage(error)}`;
      sendBody(res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from(message));
    });
  }

  const server = createServer({ keepAlive: true }, (req, res) =>
    handle(req, res, { ja4: null, reset: () => req.socket.resetAndDestroy() }),
  );
  server.keepAliveTimeout = 30_000;

  const certificate = options.tlsPort === undefined ? undefined : createSelfSignedCertificate();
  const front = certificate
    ? new TlsFront({
        certificate,
        edge: options.edge ?? false,
        log: tlsConnections,
        handler: (req, res) => {
          // Always found while the request's connection is open; a reset then just ends the stream.
          const connection = front?.connectionOf(req.socket) ?? { ja4: null, reset: () => res.destroy() };
          handle(req, res, connection);
        },
      })
    : undefined;

  return {
    server,
    tlsServer: front?.secureServer,
    tlsCertificate: certificate?.cert,
    tlsConnections,
    season,
    seasons: seasons.names,
    get listedGames() {
      return seasons.firstSeason.listedGames();
    },
    requestLog,
    faults,
    summary(name) {
      const summary = summaryOf(name);
      if (!summary) throw new Error(`summary: season ${name} is not served (${seasons.names.join(', ')})`);
      return summary;
    },
    get today() {
      return state.today;
    },
    setToday,
    addCorrection,
    clearCorrections,
    async listen(port = 0, host = '127.0.0.1') {
      const plainPort = await new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
      const url = origin('http', host, plainPort);
      if (!front || options.tlsPort === undefined) return { url, statsUrl: `${url}/stats` };
      const tlsUrl = origin('https', host, await front.listen(options.tlsPort, host));
      return { url, statsUrl: `${url}/stats`, tlsUrl, tlsStatsUrl: `${tlsUrl}/stats` };
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const res of stalled) res.destroy();
      stalled.clear();
      const plain = new Promise<void>((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return Promise.all([plain, front?.close()]).then(() => undefined);
    },
  };
}
