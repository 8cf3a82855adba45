import { describe, expect, it } from 'vitest';
import { BackfillRun, itemOfRequest } from './helpers/backfill-run.js';
import { waitFor } from './helpers/processes.js';

/**
 * The run survives what a long backfill meets: workers killed with SIGKILL in the middle of jobs,
 * and Redis losing everything. Nothing is lost, nothing fetched again that was already stored.
 */
const SLICE = { seed: 21, dateFrom: '2024-10-22', dateTo: '2024-10-24', maxGames: 12 } as const;

async function waitForStored(run: BackfillRun, count: number, timeoutMs = 90_000): Promise<void> {
  await waitFor(
    `${count} items on S3`,
    async () => ((await run.storedItems()).size >= count ? true : undefined),
    timeoutMs,
  );
}

/** The stored items once nothing new has landed for `quietMs`. */
async function quietStored(run: BackfillRun, quietMs: number): Promise<Set<string>> {
  let last = await run.storedItems();
  let since = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await run.storedItems();
    if (now.size !== last.size) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return now;
  }
}

/** Every Parquet file's rows, without the ingestion time, keyed by S3 key. */
async function contents(run: BackfillRun): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const key of await run.reader.keys('historical-backfill/')) {
    if (!key.endsWith('.parquet')) continue;
    const rows = await run.reader.query(key, 'SELECT * EXCLUDE (_ingested_at) FROM {file} ORDER BY ALL');
    out.set(key, JSON.stringify(rows));
  }
  return out;
}

describe('resilience', () => {
  it('kill -9 of workers mid-run: the same S3 content as a clean run, no item fetched needlessly', async () => {
    const clean = await BackfillRun.start({ db: 5, label: 'clean', sim: SLICE });
    const chaos = await BackfillRun.start({
      db: 6,
      label: 'chaos',
      sim: SLICE,
      env: { RATE_LIMIT_SECONDS: '0.1' },
    });
    try {
      const total = 1 + 2 * clean.games().length;
      expect((await clean.planner(['enqueue', 'season'])).code).toBe(0);
      clean.startWorkers(1);
      await clean.waitForFinished(total);

      expect((await chaos.planner(['enqueue', 'season'])).code).toBe(0);
      const live = chaos.startWorkers(2);
      let kills = 0;
      for (let i = 0; i < 3; i++) {
        // Kill the longest-running worker: it is past start-up and busy with jobs.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await live.shift()?.stop('SIGKILL');
        kills++;
        live.push(...chaos.startWorkers(1));
      }
      // Jobs whose worker died come back once their lock expires (15 s).
      await chaos.waitForFinished(total, 120_000);
      expect(await chaos.queue.getJobCounts('completed', 'failed')).toEqual({ completed: total, failed: 0 });

      const [a, b] = [await contents(clean), await contents(chaos)];
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [key, rows] of a) expect(b.get(key), key).toBe(rows);

      // No retries were needed (no faults), so an item goes out more than once only when a kill
      // hit it in flight: at most one extra per kill, and at most two jobs in flight per kill.
      const perItem = new Map<string, number>();
      for (const entry of chaos.nbaRequests()) {
        const item = itemOfRequest(entry);
        if (item) perItem.set(item, (perItem.get(item) ?? 0) + 1);
      }
      expect(perItem.size).toBe(total);
      const extra = [...perItem.values()].reduce((sum, n) => sum + n - 1, 0);
      expect(Math.max(...perItem.values())).toBeLessThanOrEqual(1 + kills);
      expect(extra).toBeLessThanOrEqual(2 * kills);
      // A worker killed between its write and its log line leaves a send unrecorded: at most one
      // per kill.
      expect(chaos.minSendGapMs()).toBeGreaterThanOrEqual(100);
      const unrecorded = chaos.nbaRequests().length - chaos.sends().length;
      expect(unrecorded).toBeGreaterThanOrEqual(0);
      expect(unrecorded).toBeLessThanOrEqual(kills);
    } finally {
      await clean.close();
      await chaos.close();
    }
  }, 180_000);

  it('Redis lost mid-run: enqueue again completes the season without fetching stored items', async () => {
    const run = await BackfillRun.start({
      db: 7,
      label: 'redis-lost',
      sim: SLICE,
      env: { RATE_LIMIT_SECONDS: '0.1' },
    });
    try {
      const total = 1 + 2 * run.games().length;
      expect((await run.planner(['enqueue', 'season'])).code).toBe(0);
      run.startWorkers(2);
      await waitForStored(run, Math.floor(total / 2));
      await run.redis.flushdb();
      // Let the jobs in flight land (their files are on S3 now, their job records are gone). Those
      // still waiting at the gate go after a cap and an interval (1.1 s): wait for 3 s of quiet.
      const storedBefore = await quietStored(run, 3_000);
      expect(storedBefore.size).toBeLessThan(total);
      const requestsBefore = run.nbaRequests().length;

      const again = await run.planner(['enqueue', 'season']);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('(0 NBA request(s) this run)');
      expect(again.stdout).toContain(`Enqueued ${total - storedBefore.size} new job(s)`);
      await waitForStored(run, total);

      const after = run.nbaRequests().slice(requestsBefore);
      const refetched = after
        .map(itemOfRequest)
        .filter((item) => item !== undefined && storedBefore.has(item));
      expect(refetched).toEqual([]);
      expect(new Set(after.map(itemOfRequest)).size).toBe(total - storedBefore.size);

      // A finished season: a second enqueue sends nothing and adds nothing.
      await run.waitForFinished(total - storedBefore.size);
      const count = run.nbaRequests().length;
      const third = await run.planner(['enqueue', 'season']);
      expect(third.stdout).toContain('Enqueued 0 new job(s) (nothing to do)');
      expect(run.nbaRequests().length).toBe(count);
      expect(run.minSendGapMs()).toBeGreaterThanOrEqual(100);
      expect(run.sends()).toHaveLength(run.nbaRequests().length);
    } finally {
      await run.close();
    }
  }, 180_000);
});
