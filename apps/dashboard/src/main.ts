import { loadConfigOrExit } from '@repo/shared/config';
import { onShutdownSignal, Releasers } from '@repo/shared/lifecycle';
import { createLogger } from '@repo/shared/log';
import {
  closeRedis,
  createMaintenanceQueue,
  createRedisConnection,
  createRequestQueue,
  RedisErrorLog,
} from '@repo/shared/queue';
import { seasonStates } from '@repo/shared/state';
import { exposureWarning } from './exposure-warning.js';
import { hostRules } from './host-check.js';
import { createServer } from './server.js';

const config = loadConfigOrExit();
const log = createLogger({ component: 'dashboard', level: config.logLevel });
const releasers = new Releasers();
// ioredis reconnects by itself; the error log says so once per outage, not once per attempt.
const redisErrors = new RedisErrorLog(log);
const redis = createRedisConnection(config.redisUrl, 'nba-backfill-dashboard', redisErrors);
releasers.add('redis', () => closeRedis(redis));
const requestQueue = createRequestQueue(redis);
redisErrors.watch('request queue', requestQueue);
releasers.add('request queue', () => requestQueue.close());
const maintenanceQueue = createMaintenanceQueue(redis);
redisErrors.watch('maintenance queue', maintenanceQueue);
releasers.add('maintenance queue', () => maintenanceQueue.close());

const auth =
  config.dashboardUser !== undefined && config.dashboardPassword !== undefined
    ? { user: config.dashboardUser, password: config.dashboardPassword }
    : undefined;
const app = createServer({
  redis,
  requestQueue,
  otherQueues: [maintenanceQueue],
  maintenance: maintenanceQueue,
  season: config.season,
  stateOf: seasonStates(redis),
  rateLimitSeconds: config.rateLimitSeconds,
  rateLimitPerHour: config.rateLimitPerHour,
  hosts: hostRules({
    port: config.dashboardPort,
    listenHost: config.dashboardHost,
    allowedHosts: config.dashboardAllowedHosts,
  }),
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
  log.fatal({ err: error }, 'dashboard cannot listen');
  process.exit(1);
});
// Stop taking requests first; idle keep-alive sockets would otherwise hold the close open.
releasers.add('http server', async () => {
  const closed = new Promise<void>((resolve, reject) =>
    server.close((error) => (error === undefined ? resolve() : reject(error))),
  );
  server.closeIdleConnections();
  await closed;
});

onShutdownSignal({ log, releasers, timeoutSeconds: config.shutdownTimeoutSeconds });
