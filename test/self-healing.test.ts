import { afterEach, describe, expect, it } from 'vitest';
import { BackfillRun, itemOfRequest } from './helpers/backfill-run.js';
import { waitFor } from './helpers/processes.js';
import { s3Outage } from './helpers/services.js';

/**
 * A run heals by itself (DESIGN §5): a ban that lifts, S3 that goes away or freezes. Each ends in
 * a finished season with nobody typing `planner resume`, no item failed, and no NBA request
 * spent again on a body that was already fetched.
 */
let run: BackfillRun | undefined;

afterEach(async () => {
  await run?.close();
  run = undefined;
});

const SLICE = { seed: 31, dateFrom: '2024-10-22', dateTo: '2024-10-24', maxGames: 12 } as const;

interface StatusJson {
  queue: {
    paused: boolean;
    halt: { cause: string; since: string; reason: string; probes: number; nextProbeAt: string } | null;
  };
}

async function status(current: BackfillRun): Promise<StatusJson> {
  return JSON.parse((await current.planner(['status', '--json'])).stdout) as StatusJson;
}

/** NBA requests per item, from the simulator's log. */
function requestsPerItem(current: BackfillRun): Map<string, number> {
  const perItem = new Map<string, number>();
  for (const entry of current.nbaRequests()) {
    const item = itemOfRequest(entry);
    if (item) perItem.set(item, (perItem.get(item) ?? 0) + 1);
  }
  return perItem;
}

describe('healing after a ban', () => {
  it('a 20 s ban ends with the season complete, probes in between, and no planner resume', async () => {
    run = await BackfillRun.start({
      db: 8,
      label: 'ban-heals',
      sim: SLICE,
      env: {
        RATE_LIMIT_SECONDS: '0.1',
        NBA_API_TIMEOUT_MS: '1000',
        BLOCKED_AFTER_FAILURES: '3',
        BLOCKED_COOL_DOWN_SECONDS: '4',
        BLOCKED_COOL_DOWN_MAX_SECONDS: '8',
      },
    });
    const total = 1 + 2 * run.games().length;
    expect((await run.planner(['enqueue', 'season'])).code).toBe(0);
    // After 8 requests the API stops answering for 20 s, as stats.nba.com does to a client it bans.
    run.sim.faults.setPlan({
      seed: 1,
      rules: [{ times: 1, action: { kind: 'ban', afterRequests: 8, seconds: 20, mode: 'stall' } }],
    });
    run.startWorkers(2);
    const current = run;
    const halted = await waitFor(
      'the queue to halt itself',
      async () => {
        const s = await status(current);
        return s.queue.halt ?? undefined;
      },
      60_000,
    );
    expect(halted.cause).toBe('blocked');
    expect(halted.reason).toMatch(
      /^paused automatically at .*: 3 timeout\/connection\/throttled failures in a row/,
    );
    expect(Date.parse(halted.nextProbeAt) - Date.parse(halted.since)).toBe(4_000);
    // A probe fails while the ban lasts: the next one waits twice as long.
    const probed = await waitFor(
      'a failed probe',
      async () => {
        const s = await status(current);
        return (s.queue.halt?.probes ?? 0) >= 1 ? s.queue.halt : undefined;
      },
      30_000,
    );
    expect(probed?.since).toBe(halted.since);
    expect(run.sim.faults.banActive()).toBe(true);

    await run.waitForFinished(total, 120_000);
    expect(await run.queue.getJobCounts('completed', 'failed')).toEqual({ completed: total, failed: 0 });
    expect((await run.storedItems()).size).toBe(total);
    const after = await status(run);
    expect(after.queue).toMatchObject({ paused: false, halt: null });
    const logs = run.workers.map((w) => w.output()).join('\n');
    expect(logs).toContain('probe failed: queue stays paused');
    expect(logs).toContain('probe answered: queue resumed (API is back)');
    expect(run.minSendGapMs()).toBeGreaterThanOrEqual(100);
  }, 180_000);
});

describe('S3 outages cost no NBA request', () => {
  for (const outage of ['down', 'frozen'] as const) {
    it(`S3 ${outage} for 30 s mid-run: every item stored, none failed, no request repeated`, async () => {
      run = await BackfillRun.start({
        db: 9,
        label: `s3-${outage}`,
        sim: SLICE,
        env: { RATE_LIMIT_SECONDS: '0.2' },
      });
      const total = 1 + 2 * run.games().length;
      expect((await run.planner(['enqueue', 'season'])).code).toBe(0);
      run.startWorkers(2);
      const current = run;
      await waitFor(
        '5 items on S3',
        async () => ((await current.storedItems()).size >= 5 ? true : undefined),
        60_000,
      );
      try {
        if (outage === 'down') s3Outage.stop();
        else s3Outage.freeze();
        await new Promise((resolve) => setTimeout(resolve, 30_000));
      } finally {
        if (outage === 'down') s3Outage.start();
        else s3Outage.thaw();
      }
      await run.waitForFinished(total, 150_000);
      expect(await run.queue.getJobCounts('completed', 'failed')).toEqual({ completed: total, failed: 0 });
      expect((await run.storedItems()).size).toBe(total);
      const perItem = requestsPerItem(run);
      expect(perItem.size).toBe(total);
      expect([...perItem.entries()].filter(([, n]) => n > 1)).toEqual([]);
      const logs = run.workers.map((w) => w.output()).join('\n');
      if (outage === 'down') {
        // The body's own write, or the read of the game's stored other half it is checked against.
        expect(logs).toMatch(/S3 (read|write) failed; keeping the body and trying again/);
        // Stopped, S3 refuses at once: a run of failures halts the queue until a probe answers.
        expect(logs).toContain('queue paused: S3 unavailable');
        expect(logs).toContain('probe answered: queue resumed (S3 is back)');
      }
      expect((await status(run)).queue).toMatchObject({ paused: false, halt: null });
      expect(run.minSendGapMs()).toBeGreaterThanOrEqual(200);
    }, 240_000);
  }
});
