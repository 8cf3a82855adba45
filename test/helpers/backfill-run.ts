import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SimServer, SimServerOptions } from '@repo/nba-sim';
import { createRedisConnection, createRequestQueue, type Redis, type RequestQueue } from '@repo/shared/queue';
import { BronzeReader } from './bronze-reader.js';
import { startEdgeSim } from './edge-sim.js';
import { type RunningApp, type RunResult, runApp, startApp, waitFor } from './processes.js';
import { minSendGapMs, newSendLogFile, readSends, type SentRequest } from './send-log.js';
import { appEnv, createTestBucket, testServices } from './services.js';

/**
 * One backfill on the real services for a test file: a simulator slice, its own Redis database
 * and bucket, and helpers to run the planner and worker processes against them.
 */
export class BackfillRun {
  readonly sim: SimServer;
  readonly redis: Redis;
  readonly queue: RequestQueue;
  readonly reader: BronzeReader;
  readonly env: NodeJS.ProcessEnv;
  readonly workers: RunningApp[] = [];
  /** Every app process appends its NBA send stamps here (NBA_SEND_LOG_FILE). */
  readonly sendLogFile: string;
  /** The simulator over plain HTTP (no edge), for a test's or benchmark's own requests. */
  readonly plainStatsUrl: string;

  private constructor(
    sim: SimServer,
    plainStatsUrl: string,
    redis: Redis,
    reader: BronzeReader,
    env: NodeJS.ProcessEnv,
  ) {
    this.sendLogFile = env.NBA_SEND_LOG_FILE as string;
    this.sim = sim;
    this.plainStatsUrl = plainStatsUrl;
    this.redis = redis;
    this.queue = createRequestQueue(redis);
    this.reader = reader;
    this.env = env;
  }

  static async start(options: {
    readonly db: number;
    readonly label: string;
    readonly sim: SimServerOptions;
    readonly env?: NodeJS.ProcessEnv;
    /** A Redis of the test's own (one it restarts, say) instead of the test services' one. */
    readonly redisUrl?: string;
  }): Promise<BackfillRun> {
    const services = testServices();
    const { sim, apiEnv, plainStatsUrl } = await startEdgeSim(options.sim);
    const redisUrl = options.redisUrl ?? services.redisUrl(options.db);
    const redis = createRedisConnection(redisUrl, `${options.label}-test`);
    await redis.flushdb();
    const bucket = await createTestBucket(services, options.label);
    const env = appEnv(services, options.db, {
      S3_BUCKET_NAME: bucket,
      ...apiEnv,
      RATE_LIMIT_SECONDS: '0.05',
      SEASON_TYPES: 'Regular Season',
      NBA_SEND_LOG_FILE: newSendLogFile(options.label),
      REDIS_URL: redisUrl,
      ...options.env,
    });
    return new BackfillRun(sim, plainStatsUrl, redis, new BronzeReader(services, bucket), env);
  }

  /** Games the simulator lists for the slice. */
  games() {
    return this.sim.summary().games;
  }

  planner(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return runApp('planner', args, { ...this.env, ...env });
  }

  startWorkers(count: number, env: NodeJS.ProcessEnv = {}): RunningApp[] {
    const started = Array.from({ length: count }, () => startApp('worker', { ...this.env, ...env }));
    this.workers.push(...started);
    return started;
  }

  /** Waits until no job is waiting, active or delayed, and `total` jobs have finished. */
  async waitForFinished(total: number, timeoutMs = 90_000): Promise<{ completed: number; failed: number }> {
    return waitFor(
      `${total} jobs to finish`,
      async () => {
        const c = await this.queue.getJobCounts(
          'completed',
          'failed',
          'waiting',
          'active',
          'delayed',
          'prioritized',
        );
        const finished = (c.completed ?? 0) + (c.failed ?? 0);
        const open = (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0);
        return finished === total && open === 0
          ? { completed: c.completed ?? 0, failed: c.failed ?? 0 }
          : undefined;
      },
      timeoutMs,
    );
  }

  /** Item ids of every stored per-game Parquet file and the players file. */
  async storedItems(): Promise<Set<string>> {
    const stored = new Set<string>();
    for (const key of await this.reader.keys('historical-backfill/')) {
      const match =
        /^historical-backfill\/(box-scores|play-by-play)\/season=2024-25\/month=\d{2}\/(\d{10})\.parquet$/.exec(
          key,
        );
      if (match)
        stored.add(`2024-25.${match[1] === 'box-scores' ? 'box-score' : 'play-by-play'}.${match[2]}`);
      if (key === 'historical-backfill/players/season=2024-25/players.parquet') stored.add('2024-25.players');
    }
    return stored;
  }

  /** NBA requests the simulator received (control routes excluded), in arrival order. */
  nbaRequests() {
    return this.sim.requestLog.entries().filter((e) => e.endpoint !== null);
  }

  /**
   * The smallest gap between two NBA request arrivals, in milliseconds. The promise is made at
   * the client (`minSendGapMs`); arrivals differ from it by network and event-loop jitter.
   */
  minGapMs(): number {
    const times = this.nbaRequests()
      .map((e) => e.time)
      .sort((a, b) => a - b);
    let min = Number.POSITIVE_INFINITY;
    for (let i = 1; i < times.length; i++)
      min = Math.min(min, (times[i] as number) - (times[i - 1] as number));
    return min;
  }

  /** Every NBA request the app processes sent, by their own send stamps (Redis clock), in order. */
  sends(): SentRequest[] {
    return readSends(this.sendLogFile);
  }

  /** The smallest gap between two send stamps, in milliseconds (the promise of DESIGN §5). */
  minSendGapMs(): number {
    return minSendGapMs(this.sends());
  }

  async close(): Promise<void> {
    rmSync(join(this.sendLogFile, '..'), { recursive: true, force: true });
    await Promise.all(this.workers.map((w) => w.stop('SIGKILL')));
    await this.queue.close();
    await this.redis.quit();
    await this.reader.close();
    await this.sim.close();
  }
}

/** The item id a simulator request was for (`2024-25.box-score.0022400061`), or undefined. */
export function itemOfRequest(entry: {
  endpoint: string | null;
  query: Readonly<Record<string, string>>;
}): string | undefined {
  switch (entry.endpoint) {
    case 'boxscoretraditionalv3':
      return `2024-25.box-score.${entry.query.GameID}`;
    case 'playbyplayv3':
      return `2024-25.play-by-play.${entry.query.GameID}`;
    case 'commonallplayers':
      return '2024-25.players';
    default:
      return undefined;
  }
}
