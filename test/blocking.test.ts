import { afterEach, describe, expect, it } from 'vitest';
import { BackfillRun } from './helpers/backfill-run.js';
import { waitFor } from './helpers/processes.js';

/**
 * Throttling and blocking (REFERENCE §3): a 429 burst makes every worker back off together, and
 * an API that starts hanging pauses the queue by itself until a person resumes it. The request
 * log never shows two requests closer than the interval, before, during or after.
 */
let run: BackfillRun | undefined;

afterEach(async () => {
  await run?.close();
  run = undefined;
});

describe('throttling and blocking', () => {
  it('backs every worker off during a 429 ban and finishes after it', async () => {
    run = await BackfillRun.start({
      db: 6,
      label: 'throttle',
      sim: { seed: 5, dateFrom: '2024-10-22', dateTo: '2024-10-23', maxGames: 8 },
      env: { BLOCKED_AFTER_FAILURES: '100' },
    });
    // After 6 requests, every request is refused with 429 for 2 s.
    run.sim.faults.setPlan({
      seed: 1,
      rules: [{ action: { kind: 'ban', afterRequests: 6, seconds: 2, mode: 'throttle' } }],
    });
    const total = 1 + 2 * run.games().length;
    expect((await run.planner(['enqueue', 'season'])).code).toBe(0);
    run.startWorkers(2);
    await run.waitForFinished(total);
    expect(await run.queue.getJobCounts('completed', 'failed')).toEqual({ completed: total, failed: 0 });
    const entries = run.nbaRequests();
    const refused = entries.filter((e) => e.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    // Without the cool-down, 2 s at one request per 50 ms would be 40 refused requests; each
    // refusal holds every worker for 6 intervals and then more, so only a handful go out.
    expect(refused.length).toBeLessThanOrEqual(8);
    expect(run.minSendGapMs()).toBeGreaterThanOrEqual(50);
    expect(run.sends()).toHaveLength(run.nbaRequests().length);
  }, 120_000);

  it('pauses the queue when the API starts hanging, says why, and resumes on request', async () => {
    run = await BackfillRun.start({
      db: 7,
      label: 'blocked',
      sim: { seed: 6, dateFrom: '2024-10-22', dateTo: '2024-10-23', maxGames: 6 },
      env: { NBA_API_TIMEOUT_MS: '300', BLOCKED_AFTER_FAILURES: '3' },
    });
    // After 4 requests the API hangs on everything, like a blocked cloud address.
    run.sim.faults.setPlan({
      seed: 1,
      rules: [{ action: { kind: 'ban', afterRequests: 4, seconds: 600, mode: 'stall' } }],
    });
    const total = 1 + 2 * run.games().length;
    expect((await run.planner(['enqueue', 'season'])).code).toBe(0);
    run.startWorkers(2);
    const current = run;
    await waitFor(
      'the queue to pause itself',
      async () => ((await current.queue.isPaused()) ? true : undefined),
      60_000,
    );
    const status = JSON.parse((await run.planner(['status', '--json'])).stdout) as {
      queue: { paused: boolean; pauseReason: string };
      errorsByClass: Record<string, number>;
    };
    expect(status.queue.paused).toBe(true);
    expect(status.queue.pauseReason).toMatch(
      /^paused automatically at .*: 3 timeout\/connection\/throttled failures in a row \(last: \[timeout\] .*\); the API may be blocking this address; one probe request in 120 s$/,
    );
    expect(status.errorsByClass.timeout).toBeGreaterThanOrEqual(3);
    const text = (await run.planner(['status'])).stdout;
    expect(text).toContain('queue nba-requests: PAUSED by itself, 1 request / 0.05 s');
    expect(text).toMatch(
      /\n {2}blocked since .* UTC, next probe at .* UTC \(in [12]m \d\ds\), probes so far: 0\n/,
    );
    // While paused, nothing more goes out once the requests in flight time out.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sentWhilePaused = run.nbaRequests().length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(run.nbaRequests().length).toBe(sentWhilePaused);

    run.sim.faults.setPlan({ seed: 1, rules: [] });
    const resumed = await run.planner(['resume']);
    expect(resumed.stdout).toBe('Queue nba-requests resumed.\n');
    await run.waitForFinished(total);
    expect(await run.queue.getJobCounts('completed', 'failed')).toEqual({ completed: total, failed: 0 });
    expect((await run.storedItems()).size).toBe(total);
    expect(run.minSendGapMs()).toBeGreaterThanOrEqual(50);
    expect(run.sends()).toHaveLength(run.nbaRequests().length);
  }, 120_000);

  it('planner pause and resume steer the workers', async () => {
    run = await BackfillRun.start({
      db: 8,
      label: 'pause',
      sim: { seed: 7, dateFrom: '2024-10-22', dateTo: '2024-10-22', maxGames: 3 },
    });
    expect((await run.planner(['pause', '--reason', 'maintenance window'])).code).toBe(0);
    expect((await run.planner(['enqueue', 'season'])).code).toBe(0);
    run.startWorkers(1);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(run.nbaRequests().length).toBe(1); // the planner's schedule request only
    const status = JSON.parse((await run.planner(['status', '--json'])).stdout) as {
      queue: { pauseReason: string };
    };
    expect(status.queue.pauseReason).toMatch(/^paused by a person at .*: maintenance window$/);
    expect((await run.planner(['resume'])).code).toBe(0);
    await run.waitForFinished(1 + 2 * run.games().length);
    expect(await run.queue.getJobCounts('failed')).toEqual({ failed: 0 });
  }, 60_000);
});
