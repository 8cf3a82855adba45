import { loadConfigOrExit } from '@repo/shared/config';
import { createLogger } from '@repo/shared/log';
import { createRedisConnection, createRequestQueue } from '@repo/shared/queue';
import { createServer } from './server.js';

const config = loadConfigOrExit();
const log = createLogger({ component: 'dashboard', level: config.logLevel });
const redis = createRedisConnection(config.redisUrl, 'nba-backfill-dashboard');
const queue = createRequestQueue(redis);
const app = createServer({ redis, queues: [queue] });

const server = app.listen(config.dashboardPort, config.dashboardHost, () => {
  log.info({ url: `http://${config.dashboardHost}:${config.dashboardPort}/queues` }, 'dashboard listening');
});

const stop = () => {
  server.close(() => {
    void queue
      .close()
      .then(() => redis.quit())
      .finally(() => process.exit(0));
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
