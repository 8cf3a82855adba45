import type { Config } from '../config/index.js';
import { NbaClient } from '../nba/index.js';
import { RateLimitGate } from './rate-limit-gate.js';
import type { Redis } from './redis-connection.js';

/**
 * The NBA client behind the global gate, as every process that calls the API builds it. The
 * gate's lock outlives the longest possible connect, so a slow connect can never let another
 * process send in between.
 */
export function createNbaAccess(redis: Redis, config: Config): { gate: RateLimitGate; nba: NbaClient } {
  const gate = new RateLimitGate(redis, {
    intervalMs: config.rateLimitSeconds * 1000,
    lockTtlMs: config.nbaApiTimeoutMs + 5_000,
  });
  const nba = new NbaClient({
    baseUrl: config.nbaApiBaseUrl,
    timeoutMs: config.nbaApiTimeoutMs,
    proxy: config.nbaApiProxy,
    gate,
  });
  return { gate, nba };
}
