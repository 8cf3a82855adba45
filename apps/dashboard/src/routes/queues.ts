import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { QueueAdapterOptions } from '@bull-board/api/typings/app';
import { ExpressAdapter } from '@bull-board/express';
import type { Logger } from '@repo/shared/log';
import type { Queue } from 'bullmq';
import { Router } from 'express';
import { createBoardGuard } from '../board-guard.js';
import { createBoardErrorHandler } from '../error-answer.js';

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
  /** Where a failure's details go (the answer names only its id). */
  readonly log?: Logger | undefined;
}

/**
 * bull-board (retry failed jobs, pause, promote, job data and logs), with the guard of
 * board-guard.ts: only the changes on the allowlist of board-allowlist.ts, none when read-only.
 */
export function createQueuesRouter(options: QueuesRouteOptions): Router {
  // No retry button on completed jobs: the guard refuses it (it would fetch them again). The
  // base adapter reads `allowCompletedRetries`; BullMQAdapter's option type does not list it.
  const adapterOptions: Partial<QueueAdapterOptions> & { readonly allowCompletedRetries: boolean } = {
    readOnlyMode: options.readOnly,
    allowRetries: !options.readOnly,
    allowCompletedRetries: false,
  };
  const adapter = new ExpressAdapter();
  adapter.setBasePath(options.basePath);
  createBullBoard({
    queues: options.queues.map((queue) => new BullMQAdapter(queue, adapterOptions)),
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
  // Set after createBullBoard, which installs bull-board's own (it answers with the message).
  adapter.setErrorHandler(createBoardErrorHandler(options.log));
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    next();
  });
  router.use(adapter.getRouter() as Router);
  return router;
}
