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

  it('follows the hourly budget when it allows fewer requests than the interval', () => {
    const budget = { perHour: 360, usedLastHour: 0, nextSlotAt: new Date().toISOString() };
    const progress = computeProgress(input({ budget }), new Date());
    // 360 an hour is one per 10 s, slower than one per 5 s.
    expect(progress.etaSeconds).toBe(1000);
    expect(progress.queue.budget).toEqual(budget);
  });
});
