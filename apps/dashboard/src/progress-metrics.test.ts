import { computeProgress, type ItemState, type PlannedEntry } from '@repo/shared/state';
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

function progress() {
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
