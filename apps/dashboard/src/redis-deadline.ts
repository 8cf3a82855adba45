import type { Redis } from '@repo/shared/queue';

/** Redis cannot answer now; the routes answer it with 503. */
export class UnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnavailableError';
  }
}

// Statuses in which a command would wait for a reconnect that may never come.
const AWAY = new Set(['reconnecting', 'close', 'end']);

/**
 * Runs a Redis read with a deadline. The dashboard's connection queues commands while Redis is
 * away (BullMQ needs `maxRetriesPerRequest: null`), so without this a page would hang instead of
 * saying that Redis is down: fail at once while reconnecting, else after `ms`.
 */
export async function withDeadline<T>(redis: Redis, read: () => Promise<T>, ms: number): Promise<T> {
  if (AWAY.has(redis.status)) throw new UnavailableError(`redis is unavailable (connection ${redis.status})`);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnavailableError(`redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([read(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
