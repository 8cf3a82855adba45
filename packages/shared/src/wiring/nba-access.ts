import { appendFileSync } from 'node:fs';
import type { Config } from '../config/index.js';
import type { Logger } from '../log/index.js';
import { NbaClient, type SentRequest } from '../nba/index.js';
import { RateLimitGate, type Redis } from '../queue/index.js';

export interface NbaAccessOptions {
  /** The client's deadline instead of NBA_API_TIMEOUT_MS. */
  readonly timeoutMs?: number;
  /** Aborts every wait for the gate: a request not granted by then is never sent. */
  readonly gateSignal?: AbortSignal;
  /**
   * When to warn that NBA_API_INSECURE_TLS is on: as the process starts (a worker), or before its
   * first request (the planner, whose status and queue commands never call the API).
   * @defaultValue 'start'
   */
  readonly insecureTlsWarning?: 'start' | 'first-request';
}

/**
 * The NBA client behind the global gate, as every process that calls the API builds it: paced
 * by the stricter of its own RATE_LIMIT_SECONDS / RATE_LIMIT_PER_HOUR and the plan's, with a
 * warning when the plan's is stricter (and when NBA_API_INSECURE_TLS is on), and the send audit
 * when NBA_SEND_LOG_FILE is set.
 */
export function createNbaAccess(
  redis: Redis,
  config: Config,
  log?: Pick<Logger, 'warn'>,
  options: NbaAccessOptions = {},
): { gate: RateLimitGate; nba: NbaClient } {
  const gate = new RateLimitGate(redis, {
    intervalMs: config.rateLimitSeconds * 1000,
    perHour: config.rateLimitPerHour,
    onStricterPace: (own, effective) =>
      log?.warn(
        {
          own_interval_seconds: own.intervalMs / 1000,
          own_per_hour: own.perHour ?? null,
          interval_seconds: effective.intervalMs / 1000,
          per_hour: effective.perHour ?? null,
        },
        'the plan paces requests more slowly than this process was configured to: following the plan',
      ),
  });
  let warnInsecure = config.nbaApiInsecureTls;
  const warnOnce = () => {
    if (!warnInsecure) return;
    warnInsecure = false;
    log?.warn(
      { nba_api_base_url: config.nbaApiBaseUrl },
      "NBA_API_INSECURE_TLS is on: the NBA API's certificate is not checked (meant for the simulator only)",
    );
  };
  if (options.insecureTlsWarning !== 'first-request') warnOnce();
  const file = config.nbaSendLogFile;
  const { gateSignal } = options;
  const nba = new NbaClient({
    baseUrl: config.nbaApiBaseUrl,
    timeoutMs: options.timeoutMs ?? config.nbaApiTimeoutMs,
    proxy: config.nbaApiProxy,
    insecureTls: config.nbaApiInsecureTls,
    // A caller that gives up (gateSignal) stops waiting for the grant, so nothing leaves after.
    gate: {
      acquire: (signal) => {
        warnOnce();
        return gate.acquire(signal ?? gateSignal);
      },
    },
    onSend: file === undefined ? undefined : (sent) => appendSend(file, sent),
  });
  return { gate, nba };
}

/** One line per request, appended with O_APPEND so lines from many processes never interleave. */
function appendSend(file: string, sent: SentRequest): void {
  const url = new URL(sent.url);
  const path = url.pathname + url.search;
  appendFileSync(
    file,
    `${JSON.stringify({ sent_at_us: sent.sentAtUs, pid: process.pid, endpoint: sent.endpoint, path })}\n`,
  );
}
