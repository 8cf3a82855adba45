import type { BronzeStore } from '@repo/shared/bronze';
import { type Config, loadConfigOrExit } from '@repo/shared/config';
import { Releasers } from '@repo/shared/lifecycle';
import { createLogger, type Logger } from '@repo/shared/log';
import type { NbaClient } from '@repo/shared/nba';
import {
  closeRedis,
  createMaintenanceQueue,
  createRedisConnection,
  createRequestQueue,
  type MaintenanceQueue,
  type RateLimitGate,
  type Redis,
  RedisErrorLog,
  type RequestQueue,
} from '@repo/shared/queue';
import { plannedSeasons, type RedisState, seasonStates } from '@repo/shared/state';
import { createBronzeStore, createNbaAccess } from '@repo/shared/wiring';

/** Everything a planner command talks to, built once from the config. */
export interface PlannerContext {
  readonly config: Config;
  readonly log: Logger;
  readonly redis: Redis;
  readonly queue: RequestQueue;
  readonly maintenance: MaintenanceQueue;
  /** The progress record of `config.season`; `forSeason` gives a context for another season. */
  readonly state: RedisState;
  readonly stateOf: (season: string) => RedisState;
  readonly store: BronzeStore;
  readonly nba: NbaClient;
  readonly gate: RateLimitGate;
  /** Closes what the context opened; the command adds itself last so a signal lets it finish. */
  readonly releasers: Releasers;
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
  const releasers = new Releasers();
  const redisErrors = new RedisErrorLog(log);
  const redis = createRedisConnection(config.redisUrl, 'nba-backfill-planner', redisErrors);
  releasers.add('redis', () => closeRedis(redis));
  const queue = createRequestQueue(redis);
  redisErrors.watch('queue', queue);
  releasers.add('queue', () => queue.close());
  const maintenance = createMaintenanceQueue(redis);
  redisErrors.watch('maintenance queue', maintenance);
  releasers.add('maintenance queue', () => maintenance.close());
  const { gate, nba } = createNbaAccess(redis, config, log, { insecureTlsWarning: 'first-request' });
  releasers.add('nba client', () => nba.close());
  const store = createBronzeStore(config);
  releasers.add('s3', () => store.close());
  const stateOf = seasonStates(redis);
  return {
    config,
    log,
    redis,
    queue,
    maintenance,
    state: stateOf(config.season),
    stateOf,
    store,
    nba,
    gate,
    releasers,
  };
}

/** The same connections, for one season: a command runs once per season it is given. */
export function forSeason(ctx: PlannerContext, season: string): PlannerContext {
  return { ...ctx, config: { ...ctx.config, season }, state: ctx.stateOf(season) };
}

/**
 * The seasons a command works on: those of `--season` in the order given, or every planned
 * season (the configured SEASON when Redis knows of none).
 */
export async function seasonsOf(
  ctx: PlannerContext,
  given: readonly string[] | undefined,
): Promise<readonly string[]> {
  return given ?? plannedSeasons(ctx.redis, ctx.config.season);
}
