import {
  createMaintenanceQueue,
  haltRequests,
  type MaintenanceQueue,
  RateLimitGate,
  readBudgetStatus,
  readCoolDownUntil,
  readHalt,
} from '@repo/shared/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackfillRun } from './helpers/backfill-run.js';

/**
 * Issue 14: a checkpoint never shrinks (a Redis that lost its record cannot write an emptier one
 * over it), and it keeps the halt and the throttled cool-down, which `enqueue season` puts back
 * after a lost Redis. Workers warn at start about a Redis without AOF.
 */
const DB = 19;
const SEASON = '2024-25';
const KEY = `backfill-state/season=${SEASON}/checkpoint.json`;
let run: BackfillRun;
let maintenance: MaintenanceQueue;

beforeAll(async () => {
  run = await BackfillRun.start({
    db: DB,
    label: 'checkpoint-guard',
    sim: { seed: 11, dateFrom: '2024-10-22', dateTo: '2024-10-22' },
    env: { CHECKPOINT_INTERVAL_SECONDS: '3600' },
  });
  maintenance = createMaintenanceQueue(run.redis);
});

afterAll(async () => {
  await maintenance?.close();
  await run?.close();
});

async function checkpoint(): Promise<{
  completed: string[];
  halt: { cause: string } | null;
  coolDownUntil: string | null;
  paused: boolean;
  sentLastHour: string[];
}> {
  const body = await run.reader.store.get(KEY);
  return JSON.parse(body?.toString('utf8') ?? '{}');
}

/** A worker started and stopped: its shutdown writes a checkpoint from whatever Redis holds. */
async function workerShutdownCheckpoint(): Promise<string> {
  const [worker] = run.startWorkers(1);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(await worker?.stop('SIGTERM')).toBe(0);
  return worker?.output() ?? '';
}

describe('checkpoints never shrink', () => {
  let done: string[];

  it('stores the season and checkpoints it on shutdown', async () => {
    expect((await run.planner(['enqueue', 'season'])).code).toBe(0);
    const [worker] = run.startWorkers(1);
    expect(await run.waitForFinished(5)).toEqual({ completed: 5, failed: 0 });
    expect(await worker?.stop('SIGTERM')).toBe(0);
    done = (await checkpoint()).completed;
    expect(done).toHaveLength(5);
    expect(worker?.output()).toMatch(/"check":"redis.appendonly".*Redis: appendonly no/);
  });

  it('keeps every done item when a worker checkpoints after Redis lost its record', async () => {
    await run.redis.flushdb();
    await workerShutdownCheckpoint();
    expect((await checkpoint()).completed).toEqual(done);
  });

  it('rebuilds the done items from the S3 listing when the checkpoint itself is gone', async () => {
    await run.redis.flushdb();
    await run.reader.store.deleteMany([KEY]);
    await workerShutdownCheckpoint();
    expect((await checkpoint()).completed).toEqual(done);
  });
});

describe('the halt, the cool-down and the hourly budget outlive a lost Redis', () => {
  it('are kept in the checkpoint, kept by a worker that checkpoints before enqueue, and put back by enqueue season', async () => {
    expect((await run.planner(['enqueue', 'season'])).code).toBe(0);
    const gate = new RateLimitGate(run.redis, { intervalMs: 50, perHour: 1000 });
    // Three requests the hourly budget counted.
    for (let i = 0; i < 3; i++) {
      const pass = await gate.acquire();
      await pass.markSent();
      await pass.release();
    }
    await gate.hold(600_000);
    await haltRequests(
      { redis: run.redis, queue: run.queue, maintenance },
      'blocked',
      'test: the API looks blocked',
      {
        firstMs: 120_000,
        maxMs: 3_600_000,
      },
    );
    const halted = await readHalt(run.redis);
    await workerShutdownCheckpoint();
    const kept = await checkpoint();
    expect(kept.halt).toMatchObject({
      cause: 'blocked',
      since: halted?.since,
      reason: 'test: the API looks blocked',
    });
    expect(Date.parse(kept.coolDownUntil ?? '')).toBeGreaterThan(Date.now() + 500_000);
    expect(kept.sentLastHour).toHaveLength(3);

    await run.redis.flushdb();
    // A worker's checkpoint while Redis holds no plan (its drain or shutdown comes first, as
    // after a real loss) keeps what the restore needs instead of writing Redis' nothing.
    await workerShutdownCheckpoint();
    expect(await checkpoint()).toMatchObject({
      halt: { cause: 'blocked', since: halted?.since },
      coolDownUntil: kept.coolDownUntil,
      paused: true,
      sentLastHour: kept.sentLastHour,
    });
    const again = await run.planner(['enqueue', 'season']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      "put back from the checkpoint after a lost Redis: the hourly budget's 3 request(s) of the last hour",
    );
    expect((await readBudgetStatus(run.redis, 1000)).usedLastHour).toBe(3);

    expect(again.stdout).toContain(
      'put back from the checkpoint after a lost Redis: the throttled cool-down, until',
    );
    expect(again.stdout).toContain(
      `put back from the checkpoint after a lost Redis: the blocked halt since ${halted?.since}`,
    );
    expect(await readHalt(run.redis)).toMatchObject({ cause: 'blocked', since: halted?.since });
    expect(await run.queue.isPaused()).toBe(true);
    expect(Date.parse((await readCoolDownUntil(run.redis, 50)) ?? '')).toBeGreaterThan(Date.now() + 500_000);
  });
});
