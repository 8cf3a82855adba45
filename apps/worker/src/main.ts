import { loadConfigOrExit } from '@repo/shared/config';
import { easternDate } from '@repo/shared/identity';
import { createProbeCheck, createProcessor, followSeason, JobFailure } from '@repo/shared/ingest';
import { InFlight, onShutdownSignal, Releasers } from '@repo/shared/lifecycle';
import { createLogger } from '@repo/shared/log';
import {
  applyGlobalRateLimit,
  BACKOFF_STRATEGY,
  BlockingDetector,
  closeRedis,
  createMaintenanceQueue,
  createRedisConnection,
  createRequestQueue,
  MAINTENANCE_QUEUE_NAME,
  type MaintenanceJobData,
  QUEUE_NAME,
  RedisErrorLog,
  type RequestJobData,
  retryDelayMs,
  runProbe,
  STORAGE_PROBES,
  StorageOutageDetector,
  scheduleCheckpoints,
} from '@repo/shared/queue';
import { checkpointNow, seasonStates } from '@repo/shared/state';
import { createBronzeStore, createNbaAccess, warnAboutRedisSettings } from '@repo/shared/wiring';
import { Worker } from 'bullmq';

const config = loadConfigOrExit();
const log = createLogger({ component: 'worker', level: config.logLevel });
const releasers = new Releasers();

const redisErrors = new RedisErrorLog(log);
const redis = createRedisConnection(config.redisUrl, 'nba-backfill-worker', redisErrors);
releasers.add('redis', () => closeRedis(redis));
const queue = createRequestQueue(redis);
redisErrors.watch('queue', queue);
releasers.add('queue', () => queue.close());
const maintenance = createMaintenanceQueue(redis);
redisErrors.watch('maintenance queue', maintenance);
releasers.add('maintenance queue', () => maintenance.close());
// A Redis that forgets on restart, or evicts, loses the run: say so once, at start.
await warnAboutRedisSettings(redis, log);
const { gate, nba } = createNbaAccess(redis, config, log);
// Paced by the stricter of this process's settings and the plan's (a warning says when).
const pace = await gate.refreshPace();
await applyGlobalRateLimit(queue, pace.intervalMs);
releasers.add('nba client', () => nba.close());
const store = createBronzeStore(config);
releasers.add('s3', () => store.close());
const stateOf = seasonStates(redis);
const checkpointDeps = {
  redis,
  stateOf,
  season: config.season,
  queue,
  store,
  stateFilePrefix: config.stateFilePrefix,
  outputPrefix: config.outputPrefix,
  rateLimitSeconds: config.rateLimitSeconds,
  log,
  dryRun: config.dryRun,
};

const blockedProbes = {
  firstMs: config.blockedCoolDownSeconds * 1000,
  maxMs: config.blockedCoolDownMaxSeconds * 1000,
};
const processor = createProcessor({
  nba,
  store,
  stateOf,
  gate,
  queue,
  maintenance,
  redis,
  blocking: new BlockingDetector(redis),
  storageOutage: new StorageOutageDetector(redis),
  log,
  season: config.season,
  outputPrefix: config.outputPrefix,
  dryRun: config.dryRun,
  blockedAfterFailures: config.blockedAfterFailures,
  blockedProbes,
});
const probeDeps = {
  redis,
  queue,
  maintenance,
  log,
  check: createProbeCheck({ nba, store, queue, stateFilePrefix: config.stateFilePrefix }),
  schedules: { blocked: blockedProbes, storage: STORAGE_PROBES },
};

// No `limiter` here: a worker-level limiter would override the queue's global one (DESIGN §5).
// A job whose worker died (kill -9) goes back to the queue once its lock expires; it may stall
// more than once in a long chaotic run without being failed for it.
const inFlight = new InFlight();
const worker = new Worker<RequestJobData>(QUEUE_NAME, inFlight.track(processor), {
  connection: redis,
  concurrency: config.workerConcurrency,
  lockDuration: 15_000,
  stalledInterval: 15_000,
  maxStalledCount: 5,
  settings: {
    backoffStrategy: (attemptsMade, type, error) => {
      if (type !== BACKOFF_STRATEGY) return 0;
      const kind = error instanceof JobFailure ? error.kind : 'server';
      return retryDelayMs(kind, attemptsMade, gate.intervalMs, Math.random);
    },
  },
});
redisErrors.watch('worker', worker);

/** A follow run of a season in progress (`planner follow`), as its scheduler asks. */
async function follow(season: string): Promise<void> {
  const now = new Date();
  const report = await followSeason(
    { redis, queue, maintenance, gate, nba, store, state: stateOf(season) },
    { ...config, season },
    { today: easternDate(now), now },
  );
  log.info(
    {
      season,
      since: report.since ?? null,
      games_added: report.gamesAdded,
      rechecks_queued: report.rechecksQueued.length,
      failed_retried: report.retried.retried.length + report.retried.readded.length,
      not_final: report.enqueue.notFinal.length,
      schedule_failures: report.enqueue.scheduleFailures.length,
    },
    'follow run done',
  );
}

const maintenanceWorker = new Worker<MaintenanceJobData>(
  MAINTENANCE_QUEUE_NAME,
  async (job) => {
    const data = job.data;
    if (data.task === 'probe') await runProbe(probeDeps, data);
    else if (data.task === 'checkpoint') await checkpointNow(checkpointDeps, 'scheduled', data.season);
    else if (data.task === 'follow') await follow(data.season);
  },
  { connection: redis, concurrency: 1 },
);
redisErrors.watch('maintenance worker', maintenanceWorker);
await scheduleCheckpoints(maintenance, config.checkpointIntervalSeconds * 1000);

let drainCheckpoint: Promise<void> | undefined;
worker.on('drained', () => {
  // 'drained' comes when no job is left to take; the last ones taken are still running.
  drainCheckpoint ??= inFlight
    .settled()
    .then(() => checkpointNow(checkpointDeps, 'drained'))
    .catch((error: unknown) => log.error({ err: error }, 'checkpoint on drain failed'))
    .finally(() => {
      drainCheckpoint = undefined;
    });
});

// Released in reverse: stop taking jobs (the one in flight finishes), then the last checkpoint,
// then the connections.
releasers.add('final checkpoint', async () => {
  await drainCheckpoint;
  await checkpointNow(checkpointDeps, 'shutdown');
});
releasers.add('maintenance worker', () => maintenanceWorker.close());
releasers.add('worker', () => worker.close());

onShutdownSignal({
  log,
  releasers,
  timeoutSeconds: config.shutdownTimeoutSeconds,
  message: 'shutting down: finishing the job in flight',
});

log.info(
  {
    queue: QUEUE_NAME,
    concurrency: config.workerConcurrency,
    rate_limit_seconds: gate.intervalMs / 1000,
    rate_limit_per_hour: pace.perHour ?? null,
    default_season: config.season,
    dry_run: config.dryRun,
  },
  'worker started',
);
