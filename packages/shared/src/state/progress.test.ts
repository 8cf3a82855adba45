import { describe, expect, it } from 'vitest';
import type { PlannedEntry } from './item-state.js';
import { computeProgress, type ProgressInput } from './progress.js';

function input(overrides: Partial<ProgressInput>): ProgressInput {
  const planned = new Map<string, PlannedEntry>();
  for (let i = 0; i < 100; i++)
    planned.set(`2024-25.box-score.00224000${String(i).padStart(2, '0')}`, {
      request: 'box-score',
      gameDate: '2024-10-22',
    });
  return {
    season: '2024-25',
    queueName: 'nba-requests',
    rateLimitSeconds: 5,
    planned,
    items: new Map(),
    counters: { requests: 0, rows: 0, bytes: 0, errors: {} },
    latencies: [],
    queueCounts: {},
    paused: false,
    pauseReason: null,
    ...overrides,
  };
}

describe('the ETA', () => {
  it('is one interval per pending item before anything ran', () => {
    expect(computeProgress(input({}), new Date()).etaSeconds).toBe(500);
  });

  it('measures the rate over the time the run has been going when that is under the window', () => {
    const now = new Date('2025-01-01T12:00:00.000Z');
    const items = new Map(
      [...input({}).planned.keys()]
        .slice(0, 60)
        .map((id) => [
          id,
          { status: 'done' as const, rows: 1, bytes: 1, attempts: 1, updatedAt: '2025-01-01T11:59:30.000Z' },
        ]),
    );
    // A run that began a minute ago at 1 request / 0.2 s: 60 items in that minute.
    const started = input({
      rateLimitSeconds: 0.2,
      items,
      counters: { requests: 60, rows: 60, bytes: 60, errors: {}, startedAt: '2025-01-01T11:59:00.000Z' },
    });
    const progress = computeProgress(started, now);
    expect(progress.ratePerMinute).toBe(60);
    expect(progress.etaSeconds).toBe(40);
    // The same items measured over the whole window, as before: 6 a minute, ETA 400 s.
    const old = computeProgress({ ...started, counters: { ...started.counters, startedAt: undefined } }, now);
    expect([old.ratePerMinute, old.etaSeconds]).toEqual([6, 400]);
  });

  it('follows the hourly budget when it allows fewer requests than the interval', () => {
    const budget = { perHour: 360, usedLastHour: 0, nextSlotAt: new Date().toISOString() };
    const progress = computeProgress(input({ budget }), new Date());
    // 360 an hour is one per 10 s, slower than one per 5 s.
    expect(progress.etaSeconds).toBe(1000);
    expect(progress.queue.budget).toEqual(budget);
  });
});
