import type { Redis } from '@repo/shared/queue';
import {
  addPlannedSeasons,
  type CalendarDay,
  type FailureRecord,
  type PlannedEntry,
  type Progress,
  RedisState,
  type SuccessRecord,
} from '@repo/shared/state';

/**
 * A season's progress record, written straight to Redis as the planner and workers would
 * (`setPlanned`, `recordSuccess`, `recordFailure`, `countRequest`, `addPlannedSeasons`), with
 * the figures `/api/progress` must then give, written out by hand rather than computed.
 */
export interface SeasonRecord {
  readonly season: string;
  readonly planned: readonly (readonly [id: string, entry: PlannedEntry])[];
  readonly done: readonly (readonly [id: string, record: SuccessRecord])[];
  readonly failed: readonly (readonly [id: string, record: FailureRecord])[];
  /** One answered request each. */
  readonly latenciesMs: readonly number[];
  readonly overall: Progress['overall'];
  readonly requests: Progress['requests'];
  readonly totals: Progress['totals'];
  readonly errorsByClass: Progress['errorsByClass'];
  readonly calendar: readonly CalendarDay[];
}

export async function writeSeasonRecord(redis: Redis, record: SeasonRecord, now = new Date()): Promise<void> {
  const state = new RedisState(redis, record.season);
  await state.setPlanned(new Map(record.planned));
  for (const [id, done] of record.done) await state.recordSuccess(id, done, now);
  for (const [id, failed] of record.failed) await state.recordFailure(id, failed, now);
  for (const ms of record.latenciesMs) await state.countRequest(ms);
  await addPlannedSeasons(redis, [record.season]);
}

/** 2023-24: four items, two done, one box score failed for good (client), one pending: 50%. */
export const SEASON_2023_24: SeasonRecord = {
  season: '2023-24',
  planned: [
    ['2023-24.players', { request: 'players' }],
    ['2023-24.box-score.0022300061', { request: 'box-score', gameDate: '2023-10-24' }],
    ['2023-24.box-score.0022300062', { request: 'box-score', gameDate: '2023-10-24' }],
    ['2023-24.play-by-play.0022300061', { request: 'play-by-play', gameDate: '2023-10-24' }],
  ],
  done: [
    ['2023-24.players', { rows: 520, bytes: 2048, attempts: 1 }],
    ['2023-24.box-score.0022300061', { rows: 31, bytes: 4096, attempts: 1 }],
  ],
  failed: [
    [
      '2023-24.box-score.0022300062',
      { kind: 'client', message: 'boxscoretraditionalv3 answered HTTP 400', attempts: 1, final: true },
    ],
  ],
  latenciesMs: [110, 220, 330],
  overall: { planned: 4, completed: 2, failed: 1, retrying: 0, pending: 1 },
  requests: {
    players: { planned: 1, completed: 1, failed: 0, retrying: 0, pending: 0 },
    'box-score': { planned: 2, completed: 1, failed: 1, retrying: 0, pending: 0 },
    'play-by-play': { planned: 1, completed: 0, failed: 0, retrying: 0, pending: 1 },
  },
  totals: { requests: 3, rows: 551, bytes: 6144 },
  errorsByClass: { client: 1 },
  calendar: [{ date: '2023-10-24', planned: 3, completed: 1, failed: 1 }],
};

/** 2024-25: two items, the players directory done, one box score pending: 50%. */
export const SEASON_2024_25: SeasonRecord = {
  season: '2024-25',
  planned: [
    ['2024-25.players', { request: 'players' }],
    ['2024-25.box-score.0022400061', { request: 'box-score', gameDate: '2024-10-22' }],
  ],
  done: [['2024-25.players', { rows: 450, bytes: 1000, attempts: 1 }]],
  failed: [],
  latenciesMs: [40],
  overall: { planned: 2, completed: 1, failed: 0, retrying: 0, pending: 1 },
  requests: {
    players: { planned: 1, completed: 1, failed: 0, retrying: 0, pending: 0 },
    'box-score': { planned: 1, completed: 0, failed: 0, retrying: 0, pending: 1 },
  },
  totals: { requests: 1, rows: 450, bytes: 1000 },
  errorsByClass: {},
  calendar: [{ date: '2024-10-22', planned: 1, completed: 0, failed: 0 }],
};

/** 2025-26: three items, the players directory done: 33%. */
export const SEASON_2025_26: SeasonRecord = {
  season: '2025-26',
  planned: [
    ['2025-26.players', { request: 'players' }],
    ['2025-26.box-score.0022500001', { request: 'box-score', gameDate: '2025-10-21' }],
    ['2025-26.play-by-play.0022500001', { request: 'play-by-play', gameDate: '2025-10-21' }],
  ],
  done: [['2025-26.players', { rows: 530, bytes: 2222, attempts: 1 }]],
  failed: [],
  latenciesMs: [25, 35],
  overall: { planned: 3, completed: 1, failed: 0, retrying: 0, pending: 2 },
  requests: {
    players: { planned: 1, completed: 1, failed: 0, retrying: 0, pending: 0 },
    'box-score': { planned: 1, completed: 0, failed: 0, retrying: 0, pending: 1 },
    'play-by-play': { planned: 1, completed: 0, failed: 0, retrying: 0, pending: 1 },
  },
  totals: { requests: 2, rows: 530, bytes: 2222 },
  errorsByClass: {},
  calendar: [{ date: '2025-10-21', planned: 2, completed: 0, failed: 0 }],
};
