import { gunzipSync } from 'node:zlib';
import type { GameSummary, SimServer, SimServerOptions } from '@repo/nba-sim';
import { ENDPOINTS, type GameRequestName, type ParsedRows } from '@repo/shared/nba';
import { createRedisConnection, createRequestQueue } from '@repo/shared/queue';
import { BronzeReader } from './bronze-reader.js';
import { startEdgeSim } from './edge-sim.js';
import { runApp, startApp, waitFor } from './processes.js';
import { appEnv, createTestBucket, type TestServices } from './services.js';

/**
 * A completed run of the real product over a slice of the simulated season: the simulator,
 * `planner enqueue season` and one worker process until every job is done. The worker is stopped
 * and the simulator's request log cleared before this returns, so a test sees only its own
 * requests.
 */
export interface SeasonRun {
  readonly sim: SimServer;
  readonly env: NodeJS.ProcessEnv;
  readonly bucket: string;
  readonly reader: BronzeReader;
  readonly games: readonly GameSummary[];
  readonly prefix: string;
  close(): Promise<void>;
}

export interface SeasonRunOptions {
  readonly db: number;
  readonly label: string;
  readonly slice: Pick<SimServerOptions, 'dateFrom' | 'dateTo' | 'maxGames'>;
  /** ENDPOINTS of the run. @defaultValue the product's default */
  readonly endpoints?: string;
}

export async function runSeasonSlice(services: TestServices, options: SeasonRunOptions): Promise<SeasonRun> {
  const { sim, apiEnv } = await startEdgeSim({ seed: 7, ...options.slice });
  const games = sim.summary().games;
  const redis = createRedisConnection(services.redisUrl(options.db), `${options.label}-test`);
  const bucket = await createTestBucket(services, options.label);
  const reader = new BronzeReader(services, bucket);
  const env = appEnv(services, options.db, {
    S3_BUCKET_NAME: bucket,
    ...apiEnv,
    RATE_LIMIT_SECONDS: '0.05',
    WORKER_CONCURRENCY: '4',
    SEASON_TYPES: 'Regular Season',
    LOG_LEVEL: 'warn',
    ...(options.endpoints === undefined ? {} : { ENDPOINTS: options.endpoints }),
  });
  const close = async () => {
    await redis.quit();
    await reader.close();
    await sim.close();
  };
  try {
    await redis.flushdb();
    const planned = await runApp('planner', ['enqueue', 'season'], env);
    if (planned.code !== 0) throw new Error(`enqueue season failed\n${planned.stdout}\n${planned.stderr}`);
    const endpoints = (options.endpoints ?? 'box-score,play-by-play').split(',').length;
    const total = 1 + endpoints * games.length;
    const worker = startApp('worker', env);
    const queue = createRequestQueue(redis);
    try {
      await waitFor('every job to complete', async () => {
        const counts = await queue.getJobCounts('completed', 'failed');
        if ((counts.failed ?? 0) > 0)
          throw new Error(`failed jobs: ${JSON.stringify(counts)}\n${worker.output()}`);
        return counts.completed === total ? true : undefined;
      });
    } finally {
      await queue.close();
      await worker.stop('SIGTERM');
    }
    sim.requestLog.clear();
  } catch (error) {
    await close();
    throw error;
  }
  return { sim, env, bucket, reader, games, prefix: 'historical-backfill', close };
}

/** What the product's parser makes of a game's stored raw body (for tests that rewrite files). */
export async function parseStoredRaw(
  run: SeasonRun,
  request: GameRequestName,
  game: GameSummary,
): Promise<ParsedRows> {
  const key = `${run.prefix}/_raw/${request}/season=2024-25/${game.gameId}.json.gz`;
  const bytes = await run.reader.store.get(key);
  if (bytes === undefined) throw new Error(`no raw body at ${key}`);
  const body: unknown = JSON.parse(gunzipSync(bytes).toString('utf8'));
  return ENDPOINTS[request].parse(body, {
    season: '2024-25',
    seasonType: game.seasonType,
    gameId: game.gameId,
    gameDate: game.gameDate,
    ingestedAt: new Date('2024-11-02T12:00:00.000Z'),
  });
}
