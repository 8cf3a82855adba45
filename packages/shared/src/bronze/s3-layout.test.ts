import { describe, expect, it } from 'vitest';
import {
  checkpointKey,
  dailyProgressKey,
  datasetKey,
  gameIdOfKey,
  legacyCheckpointKey,
  monthOf,
  quarantineKey,
  rawKey,
  slugOf,
} from './s3-layout.js';

const base = { outputPrefix: 'historical-backfill', season: '2024-25' } as const;

describe('s3 layout', () => {
  it('builds the per-game, per-month and per-season keys of DESIGN §4', () => {
    expect(datasetKey({ ...base, dataset: 'box-scores', gameDate: '2024-10-22', gameId: '0022400061' })).toBe(
      'historical-backfill/box-scores/season=2024-25/month=10/0022400061.parquet',
    );
    expect(
      datasetKey({ ...base, dataset: 'box-scores-teams', gameDate: '2024-10-22', gameId: '0022400061' }),
    ).toBe('historical-backfill/box-scores-teams/season=2024-25/month=10/0022400061.parquet');
    expect(
      datasetKey({ ...base, dataset: 'play-by-play', gameDate: '2025-04-13', gameId: '0022401230' }),
    ).toBe('historical-backfill/play-by-play/season=2024-25/month=04/0022401230.parquet');
    expect(datasetKey({ ...base, dataset: 'games', gameDate: '2024-11-02' })).toBe(
      'historical-backfill/games/season=2024-25/month=11/games.parquet',
    );
    expect(datasetKey({ ...base, dataset: 'players' })).toBe(
      'historical-backfill/players/season=2024-25/players.parquet',
    );
  });

  it('keeps raw bodies and quarantined bodies under hidden prefixes', () => {
    expect(rawKey({ ...base, request: 'box-score', id: '0022400061' })).toBe(
      'historical-backfill/_raw/box-score/season=2024-25/0022400061.json.gz',
    );
    expect(rawKey({ ...base, request: 'schedule', id: slugOf('Regular Season') })).toBe(
      'historical-backfill/_raw/schedule/season=2024-25/regular-season.json.gz',
    );
    expect(quarantineKey({ ...base, request: 'play-by-play', id: '0022400061' })).toBe(
      'historical-backfill/_quarantine/play-by-play/season=2024-25/0022400061.json.gz',
    );
  });

  it('validates game ids, seasons and dates before they reach a key', () => {
    expect(() =>
      datasetKey({ ...base, dataset: 'box-scores', gameDate: '2024-10-22', gameId: '../../etc' }),
    ).toThrow('game id: expected 10 digits, got "../../etc"');
    expect(() => datasetKey({ ...base, season: '2024', dataset: 'players' })).toThrow(
      'season: expected YYYY-YY',
    );
    expect(() => monthOf('2024-13-01')).toThrow('game date: expected YYYY-MM-DD, got "2024-13-01"');
    expect(() => rawKey({ ...base, request: 'box-score', id: '../x' })).toThrow(
      'id: expected a game id or slug',
    );
  });

  it('names state files and reads game ids back from keys', () => {
    expect(checkpointKey('backfill-state', '2024-25')).toBe('backfill-state/season=2024-25/checkpoint.json');
    expect(legacyCheckpointKey('backfill-state')).toBe('backfill-state/checkpoint.json');
    expect(dailyProgressKey('backfill-state', '2023-24', '2024-12-15')).toBe(
      'backfill-state/season=2023-24/daily-progress/date=2024-12-15/progress.json',
    );
    expect(() => checkpointKey('backfill-state', '2024')).toThrow('season');
    expect(gameIdOfKey('historical-backfill/box-scores/season=2024-25/month=10/0022400061.parquet')).toBe(
      '0022400061',
    );
    expect(gameIdOfKey('historical-backfill/games/season=2024-25/month=10/games.parquet')).toBeUndefined();
  });
});
