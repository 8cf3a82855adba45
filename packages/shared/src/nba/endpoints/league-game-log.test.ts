import { describe, expect, it } from 'vitest';
import { errorOf as parseError, readNbaFixture } from '../../../test/support/nba-fixtures.js';
import { checkRowsAgainstSchema, GAMES_SCHEMA } from '../../bronze/index.js';
import type { ParseContext } from '../endpoint.js';
import { scheduleGames } from '../schedule-games.js';
import { LEAGUE_GAME_LOG } from './league-game-log.js';

const body: unknown = readNbaFixture('leaguegamelog_T_2025-26_RS_TRUNCATED30.json');
const ingestedAt = new Date('2026-02-22T05:36:00.000Z');
const ctx: ParseContext = { season: '2025-26', seasonType: 'Regular Season', ingestedAt };

interface RawSet {
  headers: string[];
  rowSet: unknown[][];
}
/** A deep copy of the fixture with its only result set changed by `edit`. */
function variant(edit: (set: RawSet) => void): unknown {
  const copy = structuredClone(body) as { resultSets: RawSet[] };
  const set = copy.resultSets[0];
  if (set) edit(set);
  return copy;
}

describe('LEAGUE_GAME_LOG', () => {
  it('sends every parameter nba_api sends, in its sorted order', () => {
    const params = LEAGUE_GAME_LOG.params({ season: '2025-26', seasonType: 'Regular Season' });
    expect(new URLSearchParams(params).toString()).toBe(
      'Counter=0&DateFrom=&DateTo=&Direction=ASC&LeagueID=00&PlayerOrTeam=T&Season=2025-26&SeasonType=Regular+Season&Sorter=DATE',
    );
  });

  it('parses one row per team per game with exact values', () => {
    const rows = LEAGUE_GAME_LOG.parse(body, ctx).games ?? [];
    expect(rows).toHaveLength(30);
    expect(rows[0]).toEqual({
      season: '2025-26',
      season_type: 'Regular Season',
      season_id: '22025',
      team_id: 1610612744,
      team_abbreviation: 'GSW',
      team_name: 'Golden State Warriors',
      game_id: '0022500002',
      game_date: '2025-10-21',
      matchup: 'GSW @ LAL',
      wl: 'W',
      min: 240,
      fgm: 38,
      fga: 78,
      fg_pct: 0.487,
      fg3m: 17,
      fg3a: 40,
      fg3_pct: 0.425,
      ftm: 26,
      fta: 29,
      ft_pct: 0.897,
      oreb: 9,
      dreb: 31,
      reb: 40,
      ast: 29,
      stl: 10,
      blk: 4,
      tov: 19,
      pf: 27,
      pts: 119,
      plus_minus: 10,
      video_available: 1,
      is_home: false,
      opponent_team_abbreviation: 'LAL',
      _source_endpoint: 'leaguegamelog',
      _ingested_at: ingestedAt,
    });
    expect(rows[1]).toMatchObject({
      team_abbreviation: 'LAL',
      is_home: true,
      opponent_team_abbreviation: 'GSW',
    });
    expect(rows[1]).toMatchObject({ wl: 'L', plus_minus: -10, pts: 109 });
    expect(rows[29]).toMatchObject({ game_id: '0022500005', game_date: '2025-10-23', min: 290, pts: 135 });
  });

  it('emits rows that match the games schema exactly', () => {
    const rows = LEAGUE_GAME_LOG.parse(body, ctx).games ?? [];
    expect(checkRowsAgainstSchema(rows, GAMES_SCHEMA)).toEqual([]);
    expect(Object.keys(rows[0] ?? {})).toEqual(GAMES_SCHEMA.columns.map((spec) => spec.name));
  });

  it('maps by header name, not position', () => {
    const reordered = variant((set) => {
      set.headers.reverse();
      for (const row of set.rowSet) row.reverse();
    });
    expect(LEAGUE_GAME_LOG.parse(reordered, ctx)).toEqual(LEAGUE_GAME_LOG.parse(body, ctx));
  });

  it('keeps null percentages and results as null', () => {
    const withNulls = variant((set) => {
      const row = set.rowSet[0] ?? [];
      row[set.headers.indexOf('FT_PCT')] = null;
      row[set.headers.indexOf('WL')] = null;
    });
    expect(LEAGUE_GAME_LOG.parse(withNulls, ctx).games?.[0]).toMatchObject({ ft_pct: null, wl: null });
  });

  it('treats zero rows as a valid, empty schedule', () => {
    const none = variant((set) => {
      set.rowSet = [];
    });
    expect(LEAGUE_GAME_LOG.parse(none, ctx)).toEqual({ games: [] });
  });

  it('rejects a body without resultSets as a parse error', () => {
    const error = parseError(() => LEAGUE_GAME_LOG.parse({ resource: 'leaguegamelog', parameters: {} }, ctx));
    expect(error.kind).toBe('parse');
    expect(error.message).toContain('resultSets');
  });

  it('names a missing header in the parse error', () => {
    const missing = variant((set) => {
      const at = set.headers.indexOf('PLUS_MINUS');
      set.headers.splice(at, 1);
      for (const row of set.rowSet) row.splice(at, 1);
    });
    const error = parseError(() => LEAGUE_GAME_LOG.parse(missing, ctx));
    expect(error.kind).toBe('parse');
    expect(error.message).toContain('PLUS_MINUS');
  });

  it('rejects a numeric GAME_ID instead of casting it', () => {
    const numeric = variant((set) => {
      const row = set.rowSet[0] ?? [];
      row[set.headers.indexOf('GAME_ID')] = 22500002;
    });
    const error = parseError(() => LEAGUE_GAME_LOG.parse(numeric, ctx));
    expect(error.kind).toBe('parse');
    expect(error.message).toContain('GAME_ID');
  });

  it('rejects a row whose length differs from the headers', () => {
    const short = variant((set) => {
      set.rowSet[3]?.pop();
    });
    expect(parseError(() => LEAGUE_GAME_LOG.parse(short, ctx)).message).toContain('rowSet[3]');
  });

  it('finds the opponent of a neutral-site row that lists the other team first', () => {
    const neutral = variant((set) => {
      const row = set.rowSet[1] ?? [];
      row[set.headers.indexOf('MATCHUP')] = 'GSW @ LAL';
    });
    expect(LEAGUE_GAME_LOG.parse(neutral, ctx).games?.[1]).toMatchObject({
      is_home: false,
      opponent_team_abbreviation: 'GSW',
    });
  });
});

describe('scheduleGames', () => {
  it('lists each game once, by date then game id', () => {
    const games = scheduleGames(LEAGUE_GAME_LOG.parse(body, ctx).games ?? []);
    expect(games).toHaveLength(16);
    expect(games.slice(0, 2)).toEqual([
      { gameId: '0022500001', gameDate: '2025-10-21', seasonType: 'Regular Season' },
      { gameId: '0022500002', gameDate: '2025-10-21', seasonType: 'Regular Season' },
    ]);
    expect(games.at(-1)?.gameDate).toBe('2025-10-23');
  });

  it('refuses rows that are not games rows', () => {
    expect(() => scheduleGames([{ game_id: 22500001 }])).toThrow(TypeError);
  });
});
