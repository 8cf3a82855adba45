import {
  computeProgress,
  type FollowView,
  type ItemState,
  type PlannedEntry,
  type Progress,
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

/** The registry of one planned season. */
const one = (p: Progress, latenciesMs: readonly number[]) =>
  buildProgressRegistry([{ progress: p, latenciesMs }]);

describe('the Prometheus registry built from a progress snapshot', () => {
  it('writes every figure with its season label', async () => {
    const text = await one(progress(), [4, 40, 400, 4000]).metrics();
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
    const lines = (await one(progress(), []).metrics()).split('\n');
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
    const text = await one(
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
    const first = await one(progress(), []).metrics();
    const second = await one(
      { ...progress(), queue: { ...progress().queue, counts: { waiting: 0 } } },
      [],
    ).metrics();
    expect(first).toContain('state="failed"');
    expect(second).not.toContain('state="failed"');
  });
});

const FOLLOW: FollowView = {
  season: '2023-24',
  cron: '0 10 * * *',
  timezone: 'America/New_York',
  since: '2025-01-01T00:00:00.000Z',
  lastRunAt: '2025-01-10T10:00:00.000Z',
  nextRunAt: '2025-01-11T15:00:00.000Z',
  gamesAdded: 3,
  gamesAddedTotal: 12,
  rechecksQueued: 2,
  rechecksQueuedTotal: 9,
  corrections: 1,
  lastError: null,
};

/** The fixture's figures as another season's: its own totals, items and latencies. */
function olderSeason(follow: FollowView | null = null): Progress {
  const base = progress();
  return {
    ...base,
    season: '2023-24',
    totals: { requests: 40, rows: 9000, bytes: 123456 },
    requests: { players: { planned: 1, completed: 1, failed: 0, retrying: 0, pending: 0 } },
    follow,
  };
}

describe('the registry of several planned seasons', () => {
  it("labels each season's own figures with its season, and repeats the queue's under each", async () => {
    const text = await buildProgressRegistry([
      { progress: olderSeason(), latenciesMs: [20] },
      { progress: progress(), latenciesMs: [4, 40] },
    ]).metrics();
    const lines = text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'nba_backfill_requests_total{season="2023-24"} 40',
        'nba_backfill_requests_total{season="2024-25"} 3',
        'nba_backfill_stored_rows_total{season="2023-24"} 9000',
        'nba_backfill_stored_rows_total{season="2024-25"} 450',
        'nba_backfill_items_planned{request="players",season="2023-24"} 1',
        'nba_backfill_items_planned{request="box-score",season="2024-25"} 2',
        'nba_backfill_api_latency_seconds_count{season="2023-24"} 1',
        'nba_backfill_api_latency_seconds_count{season="2024-25"} 2',
        'nba_backfill_jobs{queue="nba-requests",state="waiting",season="2023-24"} 1',
        'nba_backfill_jobs{queue="nba-requests",state="waiting",season="2024-25"} 1',
        'nba_backfill_queue_paused{queue="nba-requests",season="2023-24"} 1',
      ]),
    );
    expect(lines.filter((l) => l.startsWith('nba_backfill_items_planned{request="box-score"'))).toEqual([
      'nba_backfill_items_planned{request="box-score",season="2024-25"} 2',
    ]);
    // One HELP and TYPE per metric, however many seasons.
    expect(lines.filter((l) => l === '# TYPE nba_backfill_requests_total counter')).toHaveLength(1);
    expect(lines.filter((l) => l.includes('nba_backfill_follow_'))).toEqual([]);
  });

  it('gives a season with no answer yet an empty latency histogram', async () => {
    const text = await buildProgressRegistry([{ progress: olderSeason(), latenciesMs: [] }]).metrics();
    expect(text).toContain('nba_backfill_api_latency_seconds_bucket{le="+Inf",season="2023-24"} 0');
    expect(text).toContain('nba_backfill_api_latency_seconds_count{season="2023-24"} 0');
  });

  it('gives a followed season its last and next run, what the runs added, and whether the last failed', async () => {
    const followed = await buildProgressRegistry([
      { progress: olderSeason(FOLLOW), latenciesMs: [] },
      { progress: progress(), latenciesMs: [] },
    ]).metrics();
    const lines = followed.split('\n').filter((l) => l.startsWith('nba_backfill_follow_'));
    expect(lines).toEqual([
      'nba_backfill_follow_last_run_timestamp_seconds{season="2023-24"} 1736503200',
      'nba_backfill_follow_next_run_timestamp_seconds{season="2023-24"} 1736607600',
      'nba_backfill_follow_last_run_failed{season="2023-24"} 0',
      'nba_backfill_follow_games_added_total{season="2023-24"} 12',
      'nba_backfill_follow_rechecks_queued_total{season="2023-24"} 9',
      'nba_backfill_follow_corrections_total{season="2023-24"} 1',
    ]);
    const failing = await buildProgressRegistry([
      {
        progress: olderSeason({
          ...FOLLOW,
          lastRunAt: null,
          nextRunAt: null,
          lastError: 'schedule: HTTP 503',
        }),
        latenciesMs: [],
      },
    ]).metrics();
    expect(failing).toContain('nba_backfill_follow_last_run_failed{season="2023-24"} 1');
    expect(failing).not.toContain('nba_backfill_follow_last_run_timestamp_seconds');
    expect(failing).not.toContain('nba_backfill_follow_next_run_timestamp_seconds');
  });
});
