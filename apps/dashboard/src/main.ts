import { loadConfigOrExit } from '@repo/shared/config';
import { createLogger } from '@repo/shared/log';
import { createMaintenanceQueue, createRedisConnection, createRequestQueue } from '@repo/shared/queue';
import { RedisState } from '@repo/shared/state';
import { exposureWarning } from './exposure-warning.js';
import { createServer } from './server.js';

const config = loadConfigOrExit();
const log = createLogger({ component: 'dashboard', level: config.logLevel });
const redis = createRedisConnection(config.redisUrl, 'nba-backfill-dashboard');
// ioredis reconnects by itself; say so once per outage instead of once per attempt.
let redisDown = false;
redis.on('error', (error: Error) => {
  if (!redisDown) log.warn({ err: error.message }, 'redis unavailable; reconnecting');
  redisDown = true;
});
redis.on('ready', () => {
  if (redisDown) log.info('redis available again');
  redisDown = false;
});
const requestQueue = createRequestQueue(redis);
const maintenanceQueue = createMaintenanceQueue(redis);
// A queue re-emits its connection's errors; without a listener Node would crash on them.
for (const queue of [requestQueue, maintenanceQueue]) queue.on('error', () => undefined);

const auth =
  config.dashboardUser !== undefined && config.dashboardPassword !== undefined
    ? { user: config.dashboardUser, password: config.dashboardPassword }
    : undefined;
const app = createServer({
  redis,
  requestQueue,
  otherQueues: [maintenanceQueue],
  state: new RedisState(redis, config.season),
  rateLimitSeconds: config.rateLimitSeconds,
  rateLimitPerHour: config.rateLimitPerHour,
  readOnly: config.dashboardReadOnly,
  auth,
  log,
});

const warning = exposureWarning({ host: config.dashboardHost, authEnabled: auth !== undefined });
if (warning !== undefined) log.warn({ host: config.dashboardHost }, warning);

const server = app.listen(config.dashboardPort, config.dashboardHost, () => {
  const host = config.dashboardHost.includes(':') ? `[${config.dashboardHost}]` : config.dashboardHost;
  log.info(
    {
      url: `http://${host}:${config.dashboardPort}/`,
      season: config.season,
      auth: auth === undefined ? 'off' : 'basic',
      read_only: config.dashboardReadOnly,
    },
    'dashboard listening',
  );
});
server.on('error', (error) => {
  log.fatal({ err: error.message }, 'dashboard cannot listen');
  process.exit(1);
});

// Closing waits for Redis, which may be away (it would wait forever): give up after a while.
const CLOSE_TIMEOUT_MS = 3000;
const stop = () => {
  server.close();
  const closed = Promise.allSettled([requestQueue.close(), maintenanceQueue.close()]).then(async () => {
    if (redisDown) redis.disconnect();
    else await redis.quit();
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
  void Promise.race([closed, timeout]).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
