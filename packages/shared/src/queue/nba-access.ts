import type { Config } from '../config/index.js';
import { gateHoldCapMs, NbaClient } from '../nba/index.js';
import { RateLimitGate } from './rate-limit-gate.js';
import type { Redis } from './redis-connection.js';

/**
 * The NBA client behind the global gate, as every process that calls the API builds it. The
 * client holds the gate's lock until the answer starts, at most for the hold cap, so the lock
 * outlives the cap: only a process that died holding it lets it expire, and then the others wait
 * at most that long.
 */
export function createNbaAccess(redis: Redis, config: Config): { gate: RateLimitGate; nba: NbaClient } {
  const gate = new RateLimitGate(redis, {
    intervalMs: config.rateLimitSeconds * 1000,
    lockTtlMs: gateHoldCapMs(config.rateLimitSeconds * 1000) + 2_000,
  });
  const nba = new NbaClient({
    baseUrl: config.nbaApiBaseUrl,
    timeoutMs: config.nbaApiTimeoutMs,
    proxy: config.nbaApiProxy,
    gate,
  });
  return { gate, nba };
}
