import { errorMessage } from '@repo/shared/log';
import type { Redis } from '@repo/shared/queue';
import type { RequestHandler } from 'express';
import { withDeadline } from '../redis-deadline.js';

/** `/healthz`: 200 when Redis answers PING in time, 503 otherwise. Never behind auth. */
export function createHealthzRoute(redis: Redis, deadlineMs: number): RequestHandler {
  return async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      // While the first connection is being made the PING waits for it, within the deadline, so a
      // probe sent right after start-up is not failed for a connection that is a moment away.
      // While reconnecting, `withDeadline` fails at once.
      const pong = await withDeadline(redis, () => redis.ping(), deadlineMs);
      res.json({ status: 'ok', redis: pong === 'PONG' ? 'ok' : pong });
    } catch (error) {
      res.status(503).json({ status: 'error', redis: errorMessage(error) });
    }
  };
}
