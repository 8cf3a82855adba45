import { describe, expect, it } from 'vitest';
import { chooseSeason } from './season-choice.js';

const PLANNED = ['2022-23', '2023-24', '2024-25'];

describe('choosing the season a request shows', () => {
  it('without ?season=, takes the configured SEASON when planned, else the newest planned season', () => {
    expect(chooseSeason(undefined, PLANNED, '2023-24')).toEqual({ ok: true, season: '2023-24' });
    expect(chooseSeason(undefined, PLANNED, '2019-20')).toEqual({ ok: true, season: '2024-25' });
    expect(chooseSeason(undefined, ['2019-20'], '2019-20')).toEqual({ ok: true, season: '2019-20' });
  });

  it('takes a planned season as asked', () => {
    expect(chooseSeason('2022-23', PLANNED, '2024-25')).toEqual({ ok: true, season: '2022-23' });
  });

  it('answers 400 for anything that is not a season, naming what it got', () => {
    for (const [given, got] of [
      ['x', '"x"'],
      ['', '""'],
      ['2024-26', '"2024-26"'],
      ['2024/25', '"2024/25"'],
      [' 2024-25', '" 2024-25"'],
      ['<b>"', '"<b>\\""'],
      [['2023-24', '2024-25'], '"2023-24,2024-25"'],
    ] as const) {
      expect(chooseSeason(given, PLANNED, '2024-25'), String(given)).toEqual({
        ok: false,
        status: 400,
        error: `season: expected YYYY-YY (e.g. 2024-25), got ${got}`,
      });
    }
  });

  it('answers 404 for a season that is not planned, naming the planned ones', () => {
    expect(chooseSeason('2019-20', PLANNED, '2024-25')).toEqual({
      ok: false,
      status: 404,
      error: 'season 2019-20 is not planned; planned: 2022-23, 2023-24, 2024-25',
    });
  });
});
