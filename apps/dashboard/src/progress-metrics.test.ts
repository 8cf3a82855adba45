import {
  computeProgress,
  type ItemState,
  type PlannedEntry,
  type QueueBudget,
  type QueueHalt,
} from '@repo/shared/state';
import { describe, expect, it } from 'vitest';
import { buildProgressRegistry } from './progress-metrics.js';

const NOW = new Date('2025-01-10T12:00:00Z');
const done = (rows: number, bytes: number): ItemState => ({
  status: 'done',
  rows,
  bytes,
  attempts: 1,
  qualityScore: 0.5,
  updatedAt: '2025-01-10T11:59:00Z',
});

function progress(queue: { halt?: QueueHalt; budget?: QueueBudget } = {}) {
  const planned = new Map<string, PlannedEntry>([
    ['2024-25.players', { request: 'players' }],
    ['2024-25.box-score.0022400061', { request: 'box-score', gameDate: '2024-10-22' }],
    ['2024-25.box-score.0022400062', { request: 'box-score', gameDate: '2024-10-22' }],
  ]);
  const items = new Map<string, ItemState>([
    ['2024-25.players', done(450, 1000)],
    [
      '2024-25.box-score.0022400061',
      { status: 'failed', rows: 0, bytes: 0, attempts: 1, errorKind: 'client', updatedAt: NOW.toISOString() },
    ],
  ]);
  return computeProgress(
    {
      season: '2024-25',
      queueName: 'nba-requests',
      rateLimitSeconds: 5,
      planned,
      items,
      counters: { requests: 3, rows: 450, bytes: 1000, errors: { client: 1 } },
      latencies: [],
      queueCounts: { waiting: 1, active: 0, completed: 1, failed: 1 },
      paused: true,
      pauseReason: 'blocked',
      budget: queue.budget ?? null,
      halt: queue.halt ?? null,
    },
    NOW,
  );
}

describe('the Prometheus registry built from a progress snapshot', () => {
  it('writes every figure with its season label', async () => {
    const text = await buildProgressRegistry(progress(), [4, 40, 400, 4000]).metrics();
    const lines = text.split('\n').filter((l) => !l.startsWith('#'));
    expect(lines).toEqual(
      expect.arrayContaining([
        'nba_backfill_jobs{queue="nba-requests",state="waiting",season="2024-25"} 1',
        'nba_backfill_jobs{queue="nba-requests",state="failed",season="2024-25"} 1',
        'nba_backfill_queue_paused{queue="nba-requests",season="2024-25"} 1',
        'nba_backfill_items_planned{request="box-score",season="2024-25"} 2',
        'nba_backfill_items_failed{request="box-score",season="2024-25"} 1',
        'nba_backfill_items_pending{request="box-score",season="2024-25"} 1',
        'nba_backfill_items_completed{request="players",season="2024-25"} 1',
        'nba_backfill_requests_total{season="2024-25"} 3',
        'nba_backfill_errors_total{class="client",season="2024-25"} 1',
        'nba_backfill_errors_total{class="storage",season="2024-25"} 0',
        'nba_backfill_stored_bytes_total{season="2024-25"} 1000',
        'nba_backfill_stored_rows_total{season="2024-25"} 450',
        'nba_backfill_mean_quality_score{season="2024-25"} 0.5',
        // One pending item at the measured 0.1 items/min (slower than the 5 s limit).
        'nba_backfill_eta_seconds{season="2024-25"} 600',
        'nba_backfill_api_latency_seconds_bucket{le="0.005",season="2024-25"} 1',
        'nba_backfill_api_latency_seconds_bucket{le="0.05",season="2024-25"} 2',
        'nba_backfill_api_latency_seconds_bucket{le="0.5",season="2024-25"} 3',
        'nba_backfill_api_latency_seconds_bucket{le="5",season="2024-25"} 4',
        'nba_backfill_api_latency_seconds_bucket{le="+Inf",season="2024-25"} 4',
        'nba_backfill_api_latency_seconds_sum{season="2024-25"} 4.444',
        'nba_backfill_api_latency_seconds_count{season="2024-25"} 4',
      ]),
    );
    expect(text).toContain('# TYPE nba_backfill_api_latency_seconds histogram');
    expect(text).toContain('# TYPE nba_backfill_errors_total counter');
  });

  it('gives 0 for every halt cause and no halt or budget detail when there is neither', async () => {
    const lines = (await buildProgressRegistry(progress(), []).metrics()).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'nba_backfill_halted{queue="nba-requests",cause="blocked",season="2024-25"} 0',
        'nba_backfill_halted{queue="nba-requests",cause="storage",season="2024-25"} 0',
        'nba_backfill_rate_limit_seconds{season="2024-25"} 5',
      ]),
    );
    expect(lines.filter((l) => /nba_backfill_(halt_|budget_)/.test(l))).toEqual([]);
  });

  it('gives a halt with its cause, probes, start and next probe, and the hourly budget', async () => {
    const text = await buildProgressRegistry(
      progress({
        halt: {
          cause: 'storage',
          since: '2025-01-10T11:59:50.000Z',
          reason: 'S3 unavailable',
          probes: 2,
          nextProbeAt: '2025-01-10T12:00:20.000Z',
        },
        budget: { perHour: 120, usedLastHour: 120, nextSlotAt: '2025-01-10T12:00:30.000Z' },
      }),
      [],
    ).metrics();
    const lines = text.split('\n').filter((l) => !l.startsWith('#'));
    expect(lines).toEqual(
      expect.arrayContaining([
        'nba_backfill_halted{queue="nba-requests",cause="blocked",season="2024-25"} 0',
        'nba_backfill_halted{queue="nba-requests",cause="storage",season="2024-25"} 1',
        'nba_backfill_halt_probes{queue="nba-requests",cause="storage",season="2024-25"} 2',
        'nba_backfill_halt_since_timestamp_seconds{queue="nba-requests",cause="storage",season="2024-25"} 1736510390',
        'nba_backfill_halt_next_probe_timestamp_seconds{queue="nba-requests",cause="storage",season="2024-25"} 1736510420',
        'nba_backfill_budget_per_hour{season="2024-25"} 120',
        'nba_backfill_budget_used_last_hour{season="2024-25"} 120',
        'nba_backfill_budget_next_slot_timestamp_seconds{season="2024-25"} 1736510430',
      ]),
    );
    expect(text).toContain('# TYPE nba_backfill_halted gauge');
  });

  it('is rebuilt per scrape, so no label outlives the state it came from', async () => {
    const first = await buildProgressRegistry(progress(), []).metrics();
    const second = await buildProgressRegistry(
      { ...progress(), queue: { ...progress().queue, counts: { waiting: 0 } } },
      [],
    ).metrics();
    expect(first).toContain('state="failed"');
    expect(second).not.toContain('state="failed"');
  });
});
