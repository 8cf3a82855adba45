import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Redis } from '@repo/shared/queue';
import type { Queue } from 'bullmq';
import express, { type Express } from 'express';

export interface DashboardDeps {
  readonly redis: Redis;
  readonly queues: readonly Queue[];
}

/** The dashboard's routes; `main.ts` listens. */
export function createServer(deps: DashboardDeps): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    try {
      const pong = await deps.redis.ping();
      res.json({ status: 'ok', redis: pong === 'PONG' ? 'ok' : pong });
    } catch (error) {
      res
        .status(503)
        .json({ status: 'error', redis: error instanceof Error ? error.message : String(error) });
    }
  });

  const boardAdapter = new ExpressAdapter();
  boardAdapter.setBasePath('/queues');
  createBullBoard({
    queues: deps.queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter: boardAdapter,
  });
  app.use('/queues', boardAdapter.getRouter());

  app.get('/', (_req, res) => {
    res.redirect('/queues');
  });
  return app;
}
