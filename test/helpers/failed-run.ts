import type { GameSummary, SimServer } from '@repo/nba-sim';
import { createRedisConnection, createRequestQueue, type Redis } from '@repo/shared/queue';
import { startEdgeSim } from './edge-sim.js';
import { type RunningApp, runApp, startApp, waitFor } from './processes.js';
import { appEnv, createTestBucket, type TestServices } from './services.js';

/** Opening night of the simulated 2024-25 season: two games, so five items with players. */
export const RUN_DAY = '2024-10-22';
export const FAILED_MESSAGE = 'boxscoretraditionalv3 answered HTTP 400';

/**
 * A finished run of the real product (planner + one worker process + the simulator) over one
 * game day, in which the simulator refused one box score with a 400: that item failed for good
 * with class `client`, every other item is done. Used by the dashboard tests.
 */
export interface FailedRun {
  readonly sim: SimServer;
  readonly redis: Redis;
  readonly env: NodeJS.ProcessEnv;
  readonly bucket: string;
  readonly games: readonly GameSummary[];
  /** The game whose box score failed. */
  readonly failedGameId: string;
  readonly failedJobId: string;
  /** Still running (so a retry gets processed) unless stopped. */
  readonly worker: RunningApp;
  close(): Promise<void>;
}

export async function startFailedRun(services: TestServices, db: number, label: string): Promise<FailedRun> {
  const { sim, apiEnv } = await startEdgeSim({ seed: 7, dateFrom: RUN_DAY, dateTo: RUN_DAY });
  const games = sim.summary().games;
  const failedGameId = games[0]?.gameId ?? '';
  sim.faults.setPlan({
    seed: 1,
    rules: [
      {
        endpoint: 'boxscoretraditionalv3',
        gameId: failedGameId,
        action: { kind: 'bad-request', message: 'The GameID is refused by this test.' },
      },
    ],
  });
  const redis = createRedisConnection(services.redisUrl(db), `${label}-test`);
  await redis.flushdb();
  const bucket = await createTestBucket(services, label);
  const env = appEnv(services, db, {
    S3_BUCKET_NAME: bucket,
    ...apiEnv,
    RATE_LIMIT_SECONDS: '0.05',
    SEASON_TYPES: 'Regular Season',
    LOG_LEVEL: 'warn',
  });
  const planned = await runApp('planner', ['enqueue', 'season'], env);
  if (planned.code !== 0) throw new Error(`enqueue season failed\n${planned.stdout}\n${planned.stderr}`);
  const worker = startApp('worker', env);
  const total = 1 + 2 * games.length;
  const queue = createRequestQueue(redis);
  try {
    await waitFor('every job but one to complete and that one to fail', async () => {
      const counts = await queue.getJobCounts('completed', 'failed');
      if ((counts.failed ?? 0) > 1) throw new Error(`more than one job failed\n${worker.output()}`);
      return counts.completed === total - 1 && counts.failed === 1 ? true : undefined;
    });
  } finally {
    await queue.close();
  }
  return {
    sim,
    redis,
    env,
    bucket,
    games,
    failedGameId,
    failedJobId: `2024-25.box-score.${failedGameId}`,
    worker,
    async close() {
      await worker.stop('SIGKILL');
      await redis.quit();
      await sim.close();
    },
  };
}
