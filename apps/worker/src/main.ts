import { createBronzeStore } from '@repo/shared/bronze';
import { loadConfigOrExit } from '@repo/shared/config';
import { createLogger } from '@repo/shared/log';
import {
  applyGlobalRateLimit,
  BACKOFF_STRATEGY,
  createNbaAccess,
  createRedisConnection,
  createRequestQueue,
  QUEUE_NAME,
  type RequestJobData,
  retryDelayMs,
} from '@repo/shared/queue';
import { RedisState } from '@repo/shared/state';
import { Worker } from 'bullmq';
import { createProcessor, JobFailure } from './processor.js';
import { onShutdownSignal, Releasers } from './shutdown.js';

const config = loadConfigOrExit();
const log = createLogger({ component: 'worker', level: config.logLevel });
const releasers = new Releasers();

const redis = createRedisConnection(config.redisUrl, 'nba-backfill-worker');
releasers.add('redis', () => redis.quit());
const queue = createRequestQueue(redis);
releasers.add('queue', () => queue.close());
await applyGlobalRateLimit(queue, config.rateLimitSeconds);

const { gate, nba } = createNbaAccess(redis, config);
releasers.add('nba client', () => nba.close());
const store = createBronzeStore(config);
releasers.add('s3', () => store.close());

const processor = createProcessor({
  nba,
  store,
  state: new RedisState(redis, config.season),
  gate,
  log,
  outputPrefix: config.outputPrefix,
  dryRun: config.dryRun,
});

// No `limiter` here: a worker-level limiter would override the queue's global one (DESIGN §5).
const worker = new Worker<RequestJobData>(QUEUE_NAME, processor, {
  connection: redis,
  concurrency: config.workerConcurrency,
  settings: {
    backoffStrategy: (attemptsMade, type, error) => {
      if (type !== BACKOFF_STRATEGY) return 0;
      const kind = error instanceof JobFailure ? error.kind : 'server';
      return retryDelayMs(kind, attemptsMade, Math.random);
    },
  },
});
worker.on('error', (error) => log.error({ err: error.message }, 'worker error'));
releasers.add('worker', () => worker.close());

onShutdownSignal(log, async () => {
  await releasers.releaseAll(log);
});

log.info(
  {
    queue: QUEUE_NAME,
    concurrency: config.workerConcurrency,
    rate_limit_seconds: config.rateLimitSeconds,
    season: config.season,
    dry_run: config.dryRun,
  },
  'worker started',
);
