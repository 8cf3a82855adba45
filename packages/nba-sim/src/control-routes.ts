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
  summary(): SeasonSummary;
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

/**
 * `/__sim/*`: test control, never logged and never faulted.
 * GET/DELETE requests, GET/DELETE tls-connections, GET/PUT/DELETE faults, GET season, GET health.
 */
export async function handleControl(
  req: SimRequest,
  res: SimResponse,
  path: string,
  deps: ControlDeps,
): Promise<void> {
  const route = `${req.method} ${path}`;
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
    case 'GET /__sim/season':
      return sendJson(res, 200, deps.summary());
    case 'GET /__sim/faults':
      return sendJson(res, 200, deps.faults.plan);
    case 'DELETE /__sim/faults':
      deps.faults.setPlan(EMPTY_FAULT_PLAN);
      return sendJson(res, 200, deps.faults.plan);
    case 'PUT /__sim/faults': {
      try {
        deps.faults.setPlan(parseFaultPlan(JSON.parse(await readBody(req))));
        return sendJson(res, 200, deps.faults.plan);
      } catch (error: unknown) {
        const message =
          error instanceof FaultPlanError || error instanceof SyntaxError ? error.message : String(error);
        return sendJson(res, 400, { error: message });
      }
    }
    default:
      return sendJson(res, 404, { error: `no control route ${route}` });
  }
}
