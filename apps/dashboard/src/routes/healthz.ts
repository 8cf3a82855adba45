import type { Redis } from '@repo/shared/queue';
import type { RequestHandler } from 'express';
import { withDeadline } from '../redis-deadline.js';

/** `/healthz`: 200 when Redis answers PING in time, 503 otherwise. Never behind auth. */
export function createHealthzRoute(redis: Redis, deadlineMs: number): RequestHandler {
  return async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      // Not ready (still connecting, or reconnecting) is not healthy: the PING would only queue.
      if (redis.status !== 'ready') throw new Error(`redis connection is ${redis.status}`);
      const pong = await withDeadline(redis, () => redis.ping(), deadlineMs);
      res.json({ status: 'ok', redis: pong === 'PONG' ? 'ok' : pong });
    } catch (error) {
      res
        .status(503)
        .json({ status: 'error', redis: error instanceof Error ? error.message : String(error) });
    }
  };
}
