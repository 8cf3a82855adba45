import {
  applyGlobalRateLimit,
  createRedisConnection,
  createRequestQueue,
  QUEUE_NAME,
  type Redis,
  type RequestQueue,
} from '@repo/shared/queue';
import { UnrecoverableError, Worker } from 'bullmq';
import { type RunningApp, startApp, waitFor } from '../../../test/helpers/processes.js';
import { testServices } from '../../../test/helpers/services.js';

/** The two jobs `seedQueue` fails, and the one it leaves waiting. */
export const FAILED = ['2024-25.box-score.0022400061', '2024-25.box-score.0022400062'] as const;
export const WAITING = '2024-25.play-by-play.0022400061';

export const url = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;

/** A JSON request from the dashboard's own origin, as its pages send them (`headers` may override). */
export function send(
  port: number,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url(port, path), {
    method,
    headers: { 'content-type': 'application/json', origin: url(port, ''), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A Redis database with a queue in a known state; see `seed`. */
export interface SeededQueue {
  readonly redisUrl: string;
  readonly redis: Redis;
  readonly queue: RequestQueue;
  /** What a dashboard could change: job counts, pause, the rate limit, concurrency, the cool-down. */
  state(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Empties database `db`, fails two jobs for real (a worker throws), leaves one waiting, and sets
 * the product's global rate limit with a throttled cool-down in force.
 */
export async function seedQueue(db: number): Promise<SeededQueue> {
  const redisUrl = testServices().redisUrl(db);
  const redis = createRedisConnection(redisUrl, 'dashboard-test');
  await redis.flushdb();
  const queue = createRequestQueue(redis);
  for (const id of FAILED) {
    const data = {
      season: '2024-25',
      request: 'box-score',
      gameId: id.slice(-10),
      gameDate: '2024-10-22',
    } as const;
    await queue.add('box-score', data, { jobId: id });
  }
  const workerRedis = createRedisConnection(redisUrl, 'dashboard-test-worker');
  const worker = new Worker(
    QUEUE_NAME,
    async () => {
      throw new UnrecoverableError('[client] boxscoretraditionalv3 answered HTTP 400');
    },
    { connection: workerRedis },
  );
  await waitFor('two failed jobs', async () => ((await queue.getFailedCount()) === 2 ? true : undefined));
  await worker.close();
  await workerRedis.quit();
  const data = {
    season: '2024-25',
    request: 'play-by-play',
    gameId: '0022400061',
    gameDate: '2024-10-22',
  } as const;
  await queue.add('play-by-play', data, { jobId: WAITING });
  await applyGlobalRateLimit(queue, 5_000);
  await queue.rateLimit(60_000);
  return {
    redisUrl,
    redis,
    queue,
    state: async () => ({
      counts: await queue.getJobCounts('waiting', 'failed', 'completed', 'delayed', 'prioritized', 'paused'),
      paused: await queue.isPaused(),
      rateLimit: await queue.getGlobalRateLimit(),
      concurrency: await queue.getGlobalConcurrency(),
      coolDownLeft: (await queue.getRateLimitTtl()) > 0,
    }),
    async close() {
      await queue.close();
      await redis.quit();
    },
  };
}

/** Starts a dashboard process and resolves once it answers HTTP (whatever the status). */
export async function startDashboard(port: number, env: NodeJS.ProcessEnv): Promise<RunningApp> {
  const dashboard = startApp('dashboard', {
    PATH: process.env.PATH,
    AWS_REGION: 'us-east-1',
    S3_BUCKET_NAME: 'unused',
    DASHBOARD_PORT: String(port),
    ...env,
  });
  await waitFor(`the dashboard on ${port} to listen`, async () => {
    try {
      await fetch(url(port, '/healthz'));
      return true;
    } catch {
      if (dashboard.child.exitCode !== null) throw new Error(`the dashboard exited\n${dashboard.output()}`);
      return undefined;
    }
  });
  return dashboard;
}
