import { describe, expect, it } from 'vitest';
import { buildQuery } from './request-headers.js';

describe('buildQuery', () => {
  it('sorts keys and form-encodes like nba_api (real recorded URL)', () => {
    expect(
      buildQuery({
        Season: '2025-26',
        SeasonType: 'Regular Season',
        PlayerOrTeam: 'T',
        LeagueID: '00',
        Counter: '0',
        Sorter: 'DATE',
        Direction: 'ASC',
        DateFrom: '',
        DateTo: '',
      }),
    ).toBe(
      'Counter=0&DateFrom=&DateTo=&Direction=ASC&LeagueID=00&PlayerOrTeam=T&Season=2025-26&SeasonType=Regular+Season&Sorter=DATE',
    );
  });
});
