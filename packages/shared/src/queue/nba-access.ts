import { appendFileSync } from 'node:fs';
import type { Config } from '../config/index.js';
import type { Logger } from '../log/index.js';
import { NbaClient, type SentRequest } from '../nba/index.js';
import { RateLimitGate } from './rate-limit-gate.js';
import type { Redis } from './redis-connection.js';

/**
 * The NBA client behind the global gate, as every process that calls the API builds it: paced
 * by the stricter of its own RATE_LIMIT_SECONDS / RATE_LIMIT_PER_HOUR and the plan's, with a
 * warning when the plan's is stricter, and the send audit when NBA_SEND_LOG_FILE is set.
 */
export function createNbaAccess(
  redis: Redis,
  config: Config,
  log?: Pick<Logger, 'warn'>,
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
  const file = config.nbaSendLogFile;
  const nba = new NbaClient({
    baseUrl: config.nbaApiBaseUrl,
    timeoutMs: config.nbaApiTimeoutMs,
    proxy: config.nbaApiProxy,
    gate,
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
