import { Redis } from 'ioredis';

/**
 * A Redis connection for BullMQ and our own keys. `maxRetriesPerRequest: null` is what BullMQ
 * workers need so a Redis blip blocks instead of failing jobs.
 */
export function createRedisConnection(url: string, name = 'nba-backfill'): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}

export type { Redis };
