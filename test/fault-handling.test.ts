import { gunzipSync } from 'node:zlib';
import type { FaultRule } from '@repo/nba-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackfillRun } from './helpers/backfill-run.js';

/**
 * Every fault mode of the simulator in one run, each on its own game, and the state each must
 * end in (DESIGN §5): retryable faults complete, `client` and `parse` fail at once with their
 * class, `empty` fails after its retries without a file, and unusable bodies are quarantined.
 */
let run: BackfillRun;
let ids: string[];
let total: number;

beforeAll(async () => {
  run = await BackfillRun.start({
    db: 5,
    label: 'faults',
    sim: { seed: 11, dateFrom: '2024-10-22', dateTo: '2024-10-24', maxGames: 9 },
    env: { NBA_API_TIMEOUT_MS: '800', BLOCKED_AFTER_FAILURES: '100' },
  });
  ids = run.games().map((g) => g.gameId);
  total = 1 + 2 * ids.length;
  const box = 'boxscoretraditionalv3';
  const pbp = 'playbyplayv3';
  const rules: FaultRule[] = [
    { endpoint: box, gameId: ids[0], times: 2, action: { kind: 'server-error' } },
    { endpoint: pbp, gameId: ids[1], times: 1, action: { kind: 'stall' } },
    { endpoint: box, gameId: ids[2], times: 1, action: { kind: 'reset' } },
    { endpoint: box, gameId: ids[3], action: { kind: 'empty-body' } },
    { endpoint: pbp, gameId: ids[4], action: { kind: 'wrong-shape' } },
    {
      endpoint: box,
      gameId: ids[5],
      action: { kind: 'bad-request', message: 'The field GameID is not valid.' },
    },
    { endpoint: pbp, gameId: ids[6], times: 1, action: { kind: 'throttle', retryAfterSeconds: 1 } },
    { endpoint: box, gameId: ids[7], times: 1, action: { kind: 'forbidden' } },
    { endpoint: pbp, gameId: ids[8], action: { kind: 'latency', ms: 300 } },
  ];
  run.sim.faults.setPlan({ seed: 1, rules });
  const enqueued = await run.planner(['enqueue', 'season']);
  expect(enqueued.code).toBe(0);
  run.startWorkers(2);
  await run.waitForFinished(total);
}, 180_000);

afterAll(async () => {
  await run?.close();
});

describe('fault handling', () => {
  it('has nine games, one per fault', () => {
    expect(ids).toHaveLength(9);
  });

  it('fails exactly the empty, parse and client items, each with its class', async () => {
    const failed = await run.queue.getFailed(0, -1);
    const reasons = Object.fromEntries(failed.map((job) => [job.id, `${job.failedReason.split(']')[0]}]`]));
    expect(reasons).toEqual({
      [`2024-25.box-score.${ids[3]}`]: '[empty]',
      [`2024-25.play-by-play.${ids[4]}`]: '[parse]',
      [`2024-25.box-score.${ids[5]}`]: '[client]',
    });
    const attempts = Object.fromEntries(failed.map((job) => [job.id, job.attemptsMade]));
    expect(attempts[`2024-25.box-score.${ids[3]}`]).toBe(3);
    expect(attempts[`2024-25.play-by-play.${ids[4]}`]).toBe(1);
    expect(attempts[`2024-25.box-score.${ids[5]}`]).toBe(1);
    expect(await run.queue.getJobCounts('completed')).toEqual({ completed: total - 3 });
  });

  it('stores every retryable item and no file for a failed one', async () => {
    const stored = await run.storedItems();
    const expected = new Set(['2024-25.players']);
    for (const id of ids) {
      expected.add(`2024-25.box-score.${id}`);
      expected.add(`2024-25.play-by-play.${id}`);
    }
    expected.delete(`2024-25.box-score.${ids[3]}`);
    expected.delete(`2024-25.play-by-play.${ids[4]}`);
    expected.delete(`2024-25.box-score.${ids[5]}`);
    expect([...stored].sort()).toEqual([...expected].sort());
    // Not even half an item: no box-scores-teams file and no raw body for the empty answer.
    const keys = await run.reader.keys('historical-backfill/');
    expect(keys.filter((k) => k.includes(ids[3] as string) && !k.includes('play-by-play'))).toEqual([]);
  });

  it('quarantines the wrong-shape and the refused bodies, not the empty one', async () => {
    const quarantined = await run.reader.keys('historical-backfill/_quarantine/');
    expect(quarantined).toEqual([
      `historical-backfill/_quarantine/box-score/season=2024-25/${ids[5]}.json.gz`,
      `historical-backfill/_quarantine/play-by-play/season=2024-25/${ids[4]}.json.gz`,
    ]);
    const wrongShape = await run.reader.store.get(quarantined[1] as string);
    const parsed = JSON.parse(gunzipSync(wrongShape as Buffer).toString('utf8')) as Record<string, unknown>;
    expect(parsed.game).toBeUndefined();
    expect((await run.reader.store.head(quarantined[1] as string))?.metadata['error-class']).toBe('parse');
    const refused = await run.reader.store.get(quarantined[0] as string);
    expect(gunzipSync(refused as Buffer).toString('utf8')).toBe('The field GameID is not valid.');
  });

  it('counts every error by class in Redis and in planner status', async () => {
    const status = await run.planner(['status', '--json']);
    const report = JSON.parse(status.stdout) as {
      errorsByClass: Record<string, number>;
      overall: { failed: number };
    };
    expect(report.errorsByClass).toEqual({
      server: 2,
      timeout: 1,
      connection: 1,
      empty: 3,
      parse: 1,
      client: 1,
      throttled: 2,
    });
    expect(report.overall.failed).toBe(3);
  });

  it('never sent two requests closer than the interval, cool-downs and retries included', () => {
    expect(run.minSendGapMs()).toBeGreaterThanOrEqual(50);
    expect(run.sends()).toHaveLength(run.nbaRequests().length);
    // The throttled request waited out its Retry-After of 1 s before anyone asked again.
    const entries = run.nbaRequests();
    const throttledAt = entries.findIndex((e) => e.status === 429);
    expect(throttledAt).toBeGreaterThanOrEqual(0);
    const next = entries[throttledAt + 1];
    expect(next).toBeDefined();
    expect((next?.time ?? 0) - (entries[throttledAt]?.time ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('retry-failed puts the failed jobs back with attempts reset, and they finish once healed', async () => {
    run.sim.faults.setPlan({ seed: 1, rules: [] });
    const result = await run.planner(['retry-failed']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Re-queued 3 failed job(s) with their attempts reset');
    await run.waitForFinished(total);
    expect(await run.queue.getJobCounts('completed', 'failed')).toEqual({ completed: total, failed: 0 });
    expect((await run.storedItems()).size).toBe(total);
  });
});
