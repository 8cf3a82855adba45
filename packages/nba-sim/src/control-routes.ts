import { ControlBodyError, parseCorrectionBody, parseTodayBody } from './control-bodies.js';
import { type SimRequest, type SimResponse, sendBody } from './exchange.js';
import type { FaultInjector } from './faults/fault-injector.js';
import { EMPTY_FAULT_PLAN, FaultPlanError, parseFaultPlan } from './faults/fault-plan.js';
import type { RequestLog } from './request-log.js';
import type { SeasonSummary } from './season/season-summary.js';
import type { TlsConnectionLog } from './tls/tls-front.js';

export interface ControlDeps {
  readonly requestLog: RequestLog;
  readonly faults: FaultInjector;
  readonly tlsConnections: TlsConnectionLog;
  /** The named served season's summary (default: the first); undefined when it is not served. */
  summary(season?: string): SeasonSummary | undefined;
  readonly seasons: readonly string[];
  today(): string | undefined;
  /** Moves the day (undefined: every game final) and drops every cached body. */
  setToday(today: string | undefined): void;
  corrections(): Record<string, number>;
  /** Books one correction and drops every cached body; throws ControlBodyError for no such game. */
  addCorrection(gameId: string): void;
  clearCorrections(): void;
}

function sendJson(res: SimResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  sendBody(
    res,
    status,
    { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length) },
    body,
  );
}

async function readBody(req: SimRequest): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses the JSON body and applies it; 400 `{ error }` when either step refuses it. */
async function update(req: SimRequest, res: SimResponse, apply: (body: unknown) => unknown): Promise<void> {
  try {
    return sendJson(res, 200, apply(JSON.parse(await readBody(req))));
  } catch (error: unknown) {
    const known =
      error instanceof FaultPlanError || error instanceof ControlBodyError || error instanceof SyntaxError;
    return sendJson(res, 400, { error: known ? error.message : String(error) });
  }
}

/**
 * `/__sim/*`: test control, never logged and never faulted.
 * GET/DELETE requests, GET/DELETE tls-connections, GET/PUT/DELETE faults, GET season[?season=],
 * GET/POST today, GET/POST/DELETE corrections, GET health.
 */
export async function handleControl(
  req: SimRequest,
  res: SimResponse,
  url: URL,
  deps: ControlDeps,
): Promise<void> {
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case 'GET /__sim/health':
      return sendJson(res, 200, { ok: true });
    case 'GET /__sim/requests':
      return sendJson(res, 200, deps.requestLog.entries());
    case 'DELETE /__sim/requests':
      deps.requestLog.clear();
      return sendJson(res, 200, { cleared: true });
    case 'GET /__sim/tls-connections':
      return sendJson(res, 200, deps.tlsConnections.entries());
    case 'DELETE /__sim/tls-connections':
      deps.tlsConnections.clear();
      return sendJson(res, 200, { cleared: true });
    case 'GET /__sim/season': {
      const season = url.searchParams.get('season') ?? undefined;
      const summary = deps.summary(season);
      if (summary) return sendJson(res, 200, summary);
      return sendJson(res, 404, { error: `season ${season} is not served (${deps.seasons.join(', ')})` });
    }
    case 'GET /__sim/faults':
      return sendJson(res, 200, deps.faults.plan);
    case 'DELETE /__sim/faults':
      deps.faults.setPlan(EMPTY_FAULT_PLAN);
      return sendJson(res, 200, deps.faults.plan);
    case 'PUT /__sim/faults':
      return update(req, res, (body) => {
        deps.faults.setPlan(parseFaultPlan(body));
        return deps.faults.plan;
      });
    case 'GET /__sim/today':
      return sendJson(res, 200, { today: deps.today() ?? null });
    case 'POST /__sim/today':
      return update(req, res, (body) => {
        deps.setToday(parseTodayBody(body));
        return { today: deps.today() ?? null };
      });
    case 'GET /__sim/corrections':
      return sendJson(res, 200, deps.corrections());
    case 'POST /__sim/corrections':
      return update(req, res, (body) => {
        deps.addCorrection(parseCorrectionBody(body));
        return deps.corrections();
      });
    case 'DELETE /__sim/corrections':
      deps.clearCorrections();
      return sendJson(res, 200, deps.corrections());
    default:
      return sendJson(res, 404, { error: `no control route ${route}` });
  }
}
