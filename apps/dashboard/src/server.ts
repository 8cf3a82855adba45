import type { Logger } from '@repo/shared/log';
import { type MaintenanceQueue, type Redis, type RequestQueue, resumeRequests } from '@repo/shared/queue';
import type { RedisState } from '@repo/shared/state';
import type { Queue } from 'bullmq';
import express, { type Express, type RequestHandler } from 'express';
import { type BasicAuthCredentials, createBasicAuth } from './basic-auth.js';
import { READ_ONLY } from './board-allowlist.js';
import { createErrorHandler } from './error-answer.js';
import type { HostRules } from './host-check.js';
import { createProgressSource } from './progress-source.js';
import { requireKnownHost, requireSameOriginChanges, securityHeaders } from './request-guard.js';
import { createHealthzRoute } from './routes/healthz.js';
import { createMetricsRoute } from './routes/metrics.js';
import { createProgressApiRoute } from './routes/progress-api.js';
import { createProgressPageRoute } from './routes/progress-page.js';
import { createQueuesRouter } from './routes/queues.js';
import { isSafeMethod } from './same-origin.js';

export interface DashboardDeps {
  readonly redis: Redis;
  /** `nba-requests`: its counts feed the progress views, and bull-board lists it first. */
  readonly requestQueue: RequestQueue;
  /** Further queues for bull-board only (the maintenance queue). */
  readonly otherQueues?: readonly Queue[];
  /** The maintenance queue: when a followed season's scheduler runs next. */
  readonly maintenance?: Pick<MaintenanceQueue, 'getJobScheduler'>;
  /** The configured SEASON: shown when planned and no `?season=` is given. */
  readonly season: string;
  /** One state per season (`seasonStates`), so every planned season can be shown. */
  readonly stateOf: (season: string) => RedisState;
  readonly rateLimitSeconds: number;
  /** The hourly budget (RATE_LIMIT_PER_HOUR), shown with its next slot; none when undefined. */
  readonly rateLimitPerHour?: number | undefined;
  /** The `Host` headers answered (host-check.ts `hostRules`); any other is refused with 403. */
  readonly hosts: HostRules;
  /** bull-board read-only and every mutating route refused. @defaultValue false */
  readonly readOnly?: boolean;
  /** Basic auth on every route but `/healthz`; none when undefined. */
  readonly auth?: BasicAuthCredentials;
  readonly log?: Logger;
  /** How long a Redis read may take before the route answers 503. @defaultValue 3000 */
  readonly redisDeadlineMs?: number;
}

function refuseMutations(): RequestHandler {
  return (req, res, next) => {
    if (isSafeMethod(req.method)) {
      next();
      return;
    }
    res.status(403).json({ error: 'forbidden', reason: READ_ONLY });
  };
}

/** The dashboard's routes (DESIGN §8); `main.ts` listens. */
export function createServer(deps: DashboardDeps): Express {
  const readOnly = deps.readOnly ?? false;
  const deadlineMs = deps.redisDeadlineMs ?? 3000;
  const source = createProgressSource({
    redis: deps.redis,
    requestQueue: deps.requestQueue,
    maintenance: deps.maintenance,
    season: deps.season,
    stateOf: deps.stateOf,
    rateLimitSeconds: deps.rateLimitSeconds,
    rateLimitPerHour: deps.rateLimitPerHour,
    deadlineMs,
  });

  const app = express();
  app.disable('x-powered-by');
  // Before any route, /healthz included: Docker's health check asks 127.0.0.1, a known Host.
  app.use(securityHeaders(), requireKnownHost(deps.hosts), requireSameOriginChanges());
  app.get('/healthz', createHealthzRoute(deps.redis, deadlineMs));
  if (deps.auth) app.use(createBasicAuth(deps.auth));
  if (readOnly) app.use(refuseMutations());

  app.get('/', createProgressPageRoute(source, { readOnly }));
  app.get('/api/progress', createProgressApiRoute(source));
  app.get('/metrics', createMetricsRoute(source));
  app.use(
    '/queues',
    createQueuesRouter({
      basePath: '/queues',
      queues: [deps.requestQueue, ...(deps.otherQueues ?? [])],
      requestQueueName: deps.requestQueue.name,
      readOnly,
      // bull-board's resume only resumes; the product's also forgets why it paused.
      onRequestQueueResumed: () => resumeRequests(deps.requestQueue, deps.redis),
      log: deps.log,
    }),
  );
  app.use(createErrorHandler(deps.log));
  return app;
}
