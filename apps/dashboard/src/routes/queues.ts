import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import { Router } from 'express';
import { createBoardGuard } from '../board-guard.js';

// bull-board's page asks Google Fonts for its typeface; the dashboard must work offline and
// send nothing beyond its own origin, so the browser is told to load from this server only
// (the UI falls back to the system font).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'none'",
].join('; ');

export interface QueuesRouteOptions {
  /** Where the router is mounted; bull-board builds its links from it. */
  readonly basePath: string;
  /** The request queue first, then any others to show. */
  readonly queues: readonly Queue[];
  readonly requestQueueName: string;
  readonly readOnly: boolean;
  readonly onRequestQueueResumed: () => Promise<void>;
}

/**
 * bull-board (retry, retry all, job data and logs), with the guard of board-guard.ts: the
 * rate-limit routes are refused, and every mutating route when read-only.
 */
export function createQueuesRouter(options: QueuesRouteOptions): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(options.basePath);
  createBullBoard({
    queues: options.queues.map(
      (queue) =>
        new BullMQAdapter(queue, { readOnlyMode: options.readOnly, allowRetries: !options.readOnly }),
    ),
    serverAdapter: adapter,
    options: {
      uiConfig: {
        boardTitle: 'NBA backfill',
        miscLinks: [{ text: 'Progress', url: '/' }],
        ...(options.readOnly
          ? { environment: { label: 'read-only', color: '#64748b', textColor: '#ffffff' } }
          : {}),
      },
      handlerHooks: createBoardGuard({
        readOnly: options.readOnly,
        requestQueueName: options.requestQueueName,
        onRequestQueueResumed: options.onRequestQueueResumed,
      }),
    },
  });
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    next();
  });
  router.use(adapter.getRouter() as Router);
  return router;
}
