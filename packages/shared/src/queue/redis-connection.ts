import { Redis } from 'ioredis';
import type { RedisErrorLog } from './redis-errors.js';

/**
 * A Redis connection for BullMQ and our own keys. `maxRetriesPerRequest: null` is what BullMQ
 * workers need so a Redis blip blocks instead of failing jobs. With `errors`, the connection's
 * `'error'` and `'ready'` events go to it (throttled lines); without any listener, ioredis would
 * print a raw stack trace per reconnect attempt.
 */
export function createRedisConnection(url: string, name = 'nba-backfill', errors?: RedisErrorLog): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
  if (errors !== undefined) {
    redis.on('error', (error: Error) => errors.report('redis', error));
    redis.on('ready', () => errors.restored('redis'));
  }
  return redis;
}

/**
 * A connection for one-off checks (`planner doctor`) that fails fast instead of waiting for
 * Redis: no reconnects, no offline queue, and every command and the connect itself bounded by
 * `timeoutMs`. Call `connect()` first; it rejects when Redis does not answer.
 */
export function createCheckConnection(url: string, name: string, timeoutMs = 5_000): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectionName: name,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The caller reports what failed; without a listener ioredis would print a stack trace.
  redis.on('error', () => undefined);
  return redis;
}

/**
 * Closes a connection: QUIT when it is up (pending replies arrive first), else a plain
 * disconnect, because a QUIT would wait for a reconnect that may never come.
 */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit();
  else redis.disconnect();
}

export type { Redis };
