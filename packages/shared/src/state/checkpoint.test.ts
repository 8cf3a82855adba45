import { describe, expect, it } from 'vitest';
import { buildCheckpoint, carriedControlOf } from './checkpoint.js';
import type { ItemState } from './item-state.js';
import { computeProgress } from './progress.js';

const NOW = new Date('2024-11-01T12:00:00.000Z');

function progress(paused = false) {
  return computeProgress(
    {
      season: '2024-25',
      queueName: 'nba-requests',
      rateLimitSeconds: 5,
      planned: new Map(),
      items: new Map(),
      counters: { requests: 0, rows: 0, bytes: 0, errors: {} },
      latencies: [],
      queueCounts: {},
      paused,
      pauseReason: paused ? 'paused by a person' : null,
    },
    NOW,
  );
}

const failedItem = (id: string): ItemState => ({
  status: 'failed',
  rows: 0,
  bytes: 0,
  attempts: 3,
  errorKind: 'partial',
  errorMessage: `${id} looks partial`,
  updatedAt: NOW.toISOString(),
});

const carried = {
  completed: ['2024-25.box-score.0022400061'],
  halt: null,
  coolDownUntil: null,
  sentLastHour: ['2024-11-01T11:30:00.000Z'],
};

describe('buildCheckpoint', () => {
  it("keeps the stored pause and failures while Redis has lost the season's record", () => {
    const kept = {
      paused: true,
      pauseReason: 'paused by a person at 2024-11-01T10:00:00.000Z',
      failed: [
        {
          id: '2024-25.play-by-play.0022400062',
          errorClass: 'partial' as const,
          message: 'cut',
          attempts: 3,
        },
        // Done since (the S3 listing says so): no longer a failure.
        { id: '2024-25.box-score.0022400061', errorClass: 'server' as const, message: '500', attempts: 8 },
      ],
    };
    const checkpoint = buildCheckpoint(
      progress(),
      new Map([['2024-25.box-score.0022400063', failedItem('2024-25.box-score.0022400063')]]),
      {
        ...carried,
        stored: { control: { ...kept, halt: null, coolDownUntil: null, sentLastHour: [] }, lost: true },
      },
    );
    expect(checkpoint).toMatchObject({
      paused: true,
      pauseReason: kept.pauseReason,
      completed: ['2024-25.box-score.0022400061'],
      sentLastHour: ['2024-11-01T11:30:00.000Z'],
    });
    expect(checkpoint.failed.map((f) => f.id)).toEqual([
      '2024-25.box-score.0022400063',
      '2024-25.play-by-play.0022400062',
    ]);
  });

  it("takes Redis' pause and failures alone while Redis has the record", () => {
    const checkpoint = buildCheckpoint(progress(), new Map(), carried);
    expect([checkpoint.paused, checkpoint.pauseReason, checkpoint.failed]).toEqual([false, null, []]);
    expect(buildCheckpoint(progress(true), new Map(), carried).pauseReason).toBe('paused by a person');
  });
});

describe('carriedControlOf', () => {
  it('reads what a checkpoint kept, and nothing from a file of an older release or a foreign one', () => {
    const none = {
      halt: null,
      coolDownUntil: null,
      paused: false,
      pauseReason: null,
      sentLastHour: [],
      failed: [],
    };
    expect(carriedControlOf(undefined)).toEqual(none);
    expect(carriedControlOf({ season: '2024-25', completed: [] })).toEqual(none);
    expect(
      carriedControlOf({ sentLastHour: ['2024-11-01T11:30:00.000Z', 7], failed: [{ id: 'a' }, 'b'] }),
    ).toEqual({
      ...none,
      sentLastHour: ['2024-11-01T11:30:00.000Z'],
      failed: [{ id: 'a' }],
    });
  });
});
