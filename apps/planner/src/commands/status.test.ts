import { computeProgress, type ItemState, type PlannedEntry, type QueueHalt } from '@repo/shared/state';
import { describe, expect, it } from 'vitest';
import { formatStatus } from './status.js';

const NOW = new Date('2025-01-10T12:00:00Z');

function progress(queue: {
  paused?: boolean;
  pauseReason?: string | null;
  budget?: { perHour: number; usedLastHour: number; nextSlotAt: string } | null;
  halt?: QueueHalt | null;
}) {
  const planned = new Map<string, PlannedEntry>([
    ['2024-25.players', { request: 'players' }],
    ['2024-25.box-score.0022400061', { request: 'box-score', gameDate: '2024-10-22' }],
  ]);
  const items = new Map<string, ItemState>([
    [
      '2024-25.players',
      { status: 'done', rows: 450, bytes: 2048, attempts: 1, updatedAt: '2025-01-10T11:55:00Z' },
    ],
  ]);
  return computeProgress(
    {
      season: '2024-25',
      queueName: 'nba-requests',
      rateLimitSeconds: 30,
      planned,
      items,
      counters: { requests: 1, rows: 450, bytes: 2048, errors: {} },
      latencies: [],
      queueCounts: { waiting: 1, active: 0, delayed: 0, completed: 1, failed: 0 },
      paused: queue.paused ?? false,
      pauseReason: queue.pauseReason ?? null,
      budget: queue.budget ?? null,
      halt: queue.halt ?? null,
    },
    NOW,
  );
}

const BLOCKED: QueueHalt = {
  cause: 'blocked',
  since: '2025-01-10T11:50:00.000Z',
  reason: 'API blocked: 10 timeouts in a row',
  probes: 3,
  nextProbeAt: '2025-01-10T12:02:00.000Z',
};

describe('planner status', () => {
  it('says a self-healing halt: since when, the next probe, the probes so far, why, and that it resumes by itself', () => {
    const text = formatStatus(progress({ paused: true, pauseReason: BLOCKED.reason, halt: BLOCKED }));
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Season 2024-25  queue nba-requests: PAUSED by itself, 1 request / 30 s',
      '  blocked since 2025-01-10 11:50:00 UTC, next probe at 2025-01-10 12:02:00 UTC (in 2m 00s), probes so far: 3',
      '  reason: API blocked: 10 timeouts in a row',
      '  resumes by itself once a probe gets an answer; `pnpm planner resume` resumes now',
    ]);
  });

  it('names a storage halt as such, and a probe that is due as now', () => {
    const halt: QueueHalt = {
      cause: 'storage',
      since: '2025-01-10T11:59:50.000Z',
      reason: 'S3 unavailable: 3 failed writes in a row',
      probes: 0,
      nextProbeAt: '2025-01-10T11:59:55.000Z',
    };
    const text = formatStatus(progress({ paused: true, pauseReason: halt.reason, halt }));
    expect(text).toContain(
      '  storage unavailable since 2025-01-10 11:59:50 UTC, next probe at 2025-01-10 11:59:55 UTC (now), probes so far: 0\n  reason: S3 unavailable: 3 failed writes in a row\n',
    );
  });

  it('gives the hourly budget: used up with the next slot, or a slot free now', () => {
    const full = formatStatus(
      progress({ budget: { perHour: 120, usedLastHour: 120, nextSlotAt: '2025-01-10T12:00:30.000Z' } }),
    );
    expect(full.split('\n').slice(0, 2)).toEqual([
      'Season 2024-25  queue nba-requests: running, 1 request / 30 s',
      '  budget: 120 of 120 requests in the last hour; next slot at 2025-01-10 12:00:30 UTC (in 30s)',
    ]);
    const free = formatStatus(
      progress({ budget: { perHour: 120, usedLastHour: 7, nextSlotAt: NOW.toISOString() } }),
    );
    expect(free.split('\n')[1]).toBe('  budget: 7 of 120 requests in the last hour; next slot now');
  });

  it('shows both, halt first, and keeps a pause by hand as it was', () => {
    const both = formatStatus(
      progress({
        paused: true,
        pauseReason: BLOCKED.reason,
        halt: BLOCKED,
        budget: { perHour: 120, usedLastHour: 41, nextSlotAt: NOW.toISOString() },
      }),
    );
    expect(both.split('\n')[4]).toBe('  budget: 41 of 120 requests in the last hour; next slot now');
    const byHand = formatStatus(progress({ paused: true, pauseReason: 'deploy' }));
    expect(byHand.split('\n').slice(0, 2)).toEqual([
      'Season 2024-25  queue nba-requests: PAUSED (deploy); `pnpm planner resume` resumes, 1 request / 30 s',
      '',
    ]);
  });
});
