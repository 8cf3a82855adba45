import { afterEach, describe, expect, it } from 'vitest';
import { BackfillRun } from './helpers/backfill-run.js';
import { waitFor } from './helpers/processes.js';
import { OwnRedis } from './helpers/redis-server.js';

/**
 * The promise of DESIGN §5, at the client: no two NBA requests, from any process, leave closer
 * than the interval, whatever happens to Redis, and every process paces by the plan's interval.
 * Measured on the send stamps every process records (NBA_SEND_LOG_FILE).
 */
let run: BackfillRun | undefined;
let ownRedis: OwnRedis | undefined;

afterEach(async () => {
  await run?.close();
  run = undefined;
  await ownRedis?.stop();
  ownRedis = undefined;
});

async function storedAtLeast(current: BackfillRun, count: number): Promise<void> {
  await waitFor(
    `${count} items on S3`,
    async () => ((await current.storedItems()).size >= count ? true : undefined),
    90_000,
  );
}

describe('one interval for every process, whatever happens to Redis', () => {
  it('3 workers never send closer than the interval, through a FLUSHALL, a Redis restart and a planner mid-run', async () => {
    ownRedis = await OwnRedis.start();
    run = await BackfillRun.start({
      db: 0,
      label: 'pacing-redis',
      redisUrl: ownRedis.url,
      sim: { seed: 41, dateFrom: '2024-10-22', dateTo: '2024-10-26', maxGames: 20 },
      env: { RATE_LIMIT_SECONDS: '0.15' },
    });
    const total = 1 + 2 * run.games().length;
    expect((await run.planner(['enqueue', 'season'])).code).toBe(0);
    run.startWorkers(3);

    await storedAtLeast(run, 8);
    await run.redis.flushall();
    // A planner started right after the loss sends its schedule request through the same gate.
    expect((await run.planner(['enqueue', 'season', '--refresh'])).code).toBe(0);

    await storedAtLeast(run, 20);
    await ownRedis.stop();
    await ownRedis.start();
    expect((await run.planner(['enqueue', 'season', '--refresh'])).code).toBe(0);

    await storedAtLeast(run, total);
    const sends = run.sends();
    // Three workers and three planner runs sent requests.
    expect(new Set(sends.map((s) => s.pid)).size).toBe(6);
    expect(run.minSendGapMs()).toBeGreaterThanOrEqual(150);
    expect(sends.length).toBe(run.nbaRequests().length);
  }, 180_000);

  it('a worker started with a smaller interval paces at the plan, and says so', async () => {
    run = await BackfillRun.start({
      db: 10,
      label: 'pacing-plan',
      sim: { seed: 42, dateFrom: '2024-10-22', dateTo: '2024-10-22', maxGames: 4 },
      env: { RATE_LIMIT_SECONDS: '0.3' },
    });
    const total = 1 + 2 * run.games().length;
    expect((await run.planner(['enqueue', 'season'])).code).toBe(0);
    const [worker] = run.startWorkers(1, { RATE_LIMIT_SECONDS: '0.05' });
    await run.waitForFinished(total);
    expect(run.sends()).toHaveLength(total + 1);
    expect(run.minSendGapMs()).toBeGreaterThanOrEqual(300);
    const lines = (worker?.output() ?? '').split('\n').filter((l) => l.startsWith('{'));
    const started = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'worker started');
    expect(started).toMatchObject({ rate_limit_seconds: 0.3 });
    const warning = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => String(l.msg).startsWith('the plan paces requests more slowly'));
    expect(warning).toHaveLength(1);
    expect(warning[0]).toMatchObject({ own_interval_seconds: 0.05, interval_seconds: 0.3, level: 'warn' });
  }, 120_000);
});
