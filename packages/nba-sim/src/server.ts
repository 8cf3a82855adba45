import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control-routes.js';
import { FaultInjector } from './faults/fault-injector.js';
import type { FaultPlan } from './faults/fault-plan.js';
import { applyFault } from './faults/fault-response.js';
import { RequestLog } from './request-log.js';
import { gzipOf, ResponseCache } from './response-cache.js';
import type { QueryParams, RouteContext } from './routes/route.js';
import { ROUTES } from './routes/route-table.js';
import { GameStore } from './season/game-store.js';
import type { ScheduledGame } from './season/game-types.js';
import {
  buildSeason,
  type Season,
  type SeasonOptions,
  type SeasonSlice,
  selectGames,
} from './season/season.js';
import { type SeasonSummary, summarizeSeason } from './season/season-summary.js';
import { statsHeaders } from './stats-headers.js';

export interface SimServerOptions extends SeasonOptions, SeasonSlice {
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
}

export interface SimServer {
  readonly server: Server;
  readonly season: Season;
  readonly listedGames: readonly ScheduledGame[];
  readonly requestLog: RequestLog;
  readonly faults: FaultInjector;
  /** Same as `GET /__sim/season`. */
  summary(): SeasonSummary;
  /** Listens (port 0 = any free port); resolves with `http://host:port` and the `/stats` base URL. */
  listen(port?: number, host?: string): Promise<{ url: string; statsUrl: string }>;
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

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * Builds the simulator (season, routes, request log, faults) without listening.
 * @see DESIGN §11
 */
export function createSimServer(options: SimServerOptions = {}): SimServer {
  const season = buildSeason(options);
  const listedGames = selectGames(season, options);
  const listedIds = new Set(listedGames.map((g) => g.gameId));
  const store = new GameStore(season);
  const cache = new ResponseCache(options.cacheBytes);
  const requestLog = new RequestLog();
  const faults = new FaultInjector(options.faults, options.now);
  const serveUnlisted = options.serveUnlistedGames ?? true;
  const ctx: RouteContext = {
    season,
    store,
    listedGames,
    lookupGame: (gameId) =>
      serveUnlisted || listedIds.has(gameId) ? season.gameById.get(gameId) : undefined,
  };
  const stalled = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  let summaryCache: SeasonSummary | undefined;
  const summary = (): SeasonSummary => {
    summaryCache ??= summarizeSeason(season, options, (id) => {
      const game = season.gameById.get(id);
      if (!game) throw new Error(`summary: unknown game ${id}`);
      return store.totalsOf(game).summary;
    });
    return summaryCache;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handleStats(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const { raw, params } = parseQuery(url.searchParams);
    const endpoint = /^\/stats\/([a-z0-9]+)$/.exec(url.pathname)?.[1] ?? null;
    const entry = requestLog.record({
      time: performance.timeOrigin + performance.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      endpoint,
      query: raw,
      headers: headersOf(req),
    });
    const route = endpoint ? ROUTES.get(endpoint) : undefined;
    if (!route || req.method !== 'GET') {
      entry.status = 404;
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not Found');
      return;
    }
    const decision = faults.decide({ endpoint: route.endpoint, gameId: params.get('GameID') });
    entry.fault = decision.labels.length > 0 ? decision.labels.join(',') : null;
    const delay = (options.latencyMs ?? 0) + decision.latencyMs;
    if (delay > 0) await sleep(delay);
    if (res.destroyed) return;
    if (decision.terminal) {
      const outcome = applyFault(decision.terminal, route.endpoint, req, res, stalled);
      entry.status = outcome.status;
      if (outcome.status !== null) entry.bytes = outcome.bytes;
      return;
    }
    const key = `${route.endpoint}?${route.keyParams.map((k) => `${k}=${params.get(k) ?? ''}`).join('&')}`;
    let cached = cache.get(key);
    if (!cached) {
      const result = route.handle(params, ctx);
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
    res.writeHead(cached.status, headers);
    res.end(body);
    entry.status = cached.status;
    entry.bytes = body.length;
  }

  const server = createServer({ keepAlive: true }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const work = url.pathname.startsWith('/__sim/')
      ? handleControl(req, res, url.pathname, { requestLog, faults, summary })
      : handleStats(req, res, url);
    work.catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`simulator error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.keepAliveTimeout = 30_000;

  return {
    server,
    season,
    listedGames,
    requestLog,
    faults,
    summary,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const url = `http://${host}:${address.port}`;
          resolve({ url, statsUrl: `${url}/stats` });
        });
      });
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const res of stalled) res.destroy();
      stalled.clear();
      return new Promise((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
