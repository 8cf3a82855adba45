import { type BronzeStore, createBronzeStore } from '@repo/shared/bronze';
import { type Config, loadConfigOrExit } from '@repo/shared/config';
import { createLogger, type Logger } from '@repo/shared/log';
import type { NbaClient } from '@repo/shared/nba';
import {
  createMaintenanceQueue,
  createNbaAccess,
  createRedisConnection,
  createRequestQueue,
  type MaintenanceQueue,
  type RateLimitGate,
  type Redis,
  type RequestQueue,
} from '@repo/shared/queue';
import { RedisState } from '@repo/shared/state';

/** Everything a planner command talks to, built once from the config. */
export interface PlannerContext {
  readonly config: Config;
  readonly log: Logger;
  readonly redis: Redis;
  readonly queue: RequestQueue;
  readonly maintenance: MaintenanceQueue;
  readonly state: RedisState;
  readonly store: BronzeStore;
  readonly nba: NbaClient;
  readonly gate: RateLimitGate;
  close(): Promise<void>;
}

/** Flags that override environment variables; validated by the same schema. */
export type EnvOverrides = Readonly<Record<string, string | undefined>>;

/** Loads the config (exit 2 on a bad value) with command-line overrides applied on top of the env. */
export function loadPlannerConfig(overrides: EnvOverrides = {}): Config {
  const env = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) env[key] = value;
  return loadConfigOrExit(env);
}

export function createPlannerContext(config: Config): PlannerContext {
  // Human output goes to stdout; the planner's own log lines go to stderr and stay quiet.
  const log = createLogger({
    component: 'planner',
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    destination: process.stderr,
  });
  const redis = createRedisConnection(config.redisUrl, 'nba-backfill-planner');
  const queue = createRequestQueue(redis);
  const maintenance = createMaintenanceQueue(redis);
  const { gate, nba } = createNbaAccess(redis, config, log);
  const store = createBronzeStore(config);
  return {
    config,
    log,
    redis,
    queue,
    maintenance,
    state: new RedisState(redis, config.season),
    store,
    nba,
    gate,
    async close() {
      await queue.close();
      await maintenance.close();
      await nba.close();
      store.close();
      await redis.quit();
    },
  };
}
