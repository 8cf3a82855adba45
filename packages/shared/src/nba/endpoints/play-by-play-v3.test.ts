import { describe, expect, it } from 'vitest';
import { editedCopy, errorOf, readNbaFixture } from '../../../test/support/nba-fixtures.js';
import { checkRowsAgainstSchema, PLAY_BY_PLAY_SCHEMA } from '../../bronze/index.js';
import type { ParseContext } from '../endpoint.js';
import { PLAY_BY_PLAY_V3 } from './play-by-play-v3.js';

const body: unknown = readNbaFixture('playbyplayv3_0022400001_TRUNCATED70.json');
const ingestedAt = new Date('2025-08-26T12:10:11.101Z');
const ctx: ParseContext = {
  season: '2024-25',
  seasonType: 'Regular Season',
  gameId: '0022400001',
  gameDate: '2024-11-12',
  ingestedAt,
};

interface RawBody {
  game: { gameId: unknown; actions: Record<string, unknown>[] };
}
function variant(edit: (copy: RawBody) => void): unknown {
  return editedCopy(body, edit);
}

const rows = PLAY_BY_PLAY_V3.parse(body, ctx)['play-by-play'] ?? [];

describe('PLAY_BY_PLAY_V3', () => {
  it('sends the recorded parameters', () => {
    const params = PLAY_BY_PLAY_V3.params({ season: '2024-25', gameId: '0022400001' });
    expect(new URLSearchParams(params).toString()).toBe('EndPeriod=0&GameID=0022400001&StartPeriod=0');
  });

  it('emits one row per action in API order', () => {
    expect(rows).toHaveLength(70);
    expect(rows[0]?.action_id).toBe(1);
    expect(rows.at(-1)?.action_id).toBe(475);
  });

  it('parses a made three exactly', () => {
    expect(rows.find((row) => row.action_id === 17)).toEqual({
      game_id: '0022400001',
      season: '2024-25',
      season_type: 'Regular Season',
      game_date: '2024-11-12',
      action_number: 21,
      clock: 'PT10M50.00S',
      clock_seconds: 650,
      period: 1,
      team_id: 1610612737,
      team_tricode: 'ATL',
      person_id: 1630552,
      player_name: 'Johnson',
      player_name_i: 'J. Johnson',
      x_legacy: 157,
      y_legacy: 203,
      shot_distance: 26,
      shot_result: 'Made',
      is_field_goal: 1,
      score_home: 0,
      score_away: 3,
      points_total: 3,
      location: 'v',
      description: "Johnson 26' 3PT Jump Shot (3 PTS) (Wallace 1 AST)",
      action_type: 'Made Shot',
      sub_type: 'Jump Shot',
      video_available: 1,
      shot_value: 3,
      action_id: 17,
      _source_endpoint: 'playbyplayv3',
      _ingested_at: ingestedAt,
    });
  });

  it('turns "" scores into null and keeps period scores', () => {
    expect(rows[1]).toMatchObject({ action_type: 'Jump Ball', score_home: null, score_away: null });
    expect(rows[0]).toMatchObject({ action_type: 'period', sub_type: 'start', score_home: 0, score_away: 0 });
    expect(rows.at(-1)).toMatchObject({
      sub_type: 'end',
      score_home: 116,
      score_away: 117,
      points_total: 233,
    });
    expect(rows.filter((row) => row.score_home === null)).toHaveLength(60);
  });

  it('keeps steal and block rows, whose actionType is ""', () => {
    const blank = rows.filter((row) => row.action_type === '');
    expect(blank).toHaveLength(7);
    expect(rows.find((row) => row.action_id === 4)).toMatchObject({
      action_number: 7,
      description: 'Tatum BLOCK (1 BLK)',
      shot_value: 3,
    });
  });

  it('keeps team-level rows with team_id 0 and the team id as person_id', () => {
    const teamLevel = rows.filter((row) => row.team_id === 0 && row.person_id !== 0);
    expect(teamLevel).toHaveLength(8);
    expect(rows.find((row) => row.action_id === 62)).toMatchObject({
      team_id: 0,
      team_tricode: '',
      person_id: 1610612738,
      action_type: 'Timeout',
    });
  });

  it('derives clock_seconds from the ISO clock', () => {
    expect(rows[0]).toMatchObject({ clock: 'PT12M00.00S', clock_seconds: 720 });
    expect(rows[2]).toMatchObject({ clock: 'PT11M43.00S', clock_seconds: 703 });
    expect(rows.at(-1)).toMatchObject({ clock: 'PT00M00.00S', clock_seconds: 0 });
  });

  it('emits rows that match the play-by-play schema exactly', () => {
    expect(checkRowsAgainstSchema(rows, PLAY_BY_PLAY_SCHEMA)).toEqual([]);
    expect(Object.keys(rows[0] ?? {})).toEqual(PLAY_BY_PLAY_SCHEMA.columns.map((spec) => spec.name));
  });

  it('classifies a {} body and a game without actions as empty', () => {
    expect(errorOf(() => PLAY_BY_PLAY_V3.parse({}, ctx)).kind).toBe('empty');
    const noActions = variant((copy) => {
      copy.game.actions = [];
    });
    expect(errorOf(() => PLAY_BY_PLAY_V3.parse(noActions, ctx)).kind).toBe('empty');
  });

  it('rejects a body about another game as a parse error', () => {
    const error = errorOf(() => PLAY_BY_PLAY_V3.parse(body, { ...ctx, gameId: '0022400002' }));
    expect(error.kind).toBe('parse');
    expect(error.message).toContain('0022400002');
  });

  it('rejects malformed scores, clocks and missing fields as parse errors', () => {
    const badScore = variant((copy) => {
      if (copy.game.actions[0]) copy.game.actions[0].scoreHome = 'ten';
    });
    expect(errorOf(() => PLAY_BY_PLAY_V3.parse(badScore, ctx)).message).toContain('scoreHome');
    const badClock = variant((copy) => {
      if (copy.game.actions[0]) copy.game.actions[0].clock = '12:00';
    });
    expect(errorOf(() => PLAY_BY_PLAY_V3.parse(badClock, ctx)).message).toContain('clock');
    const missing = variant((copy) => {
      if (copy.game.actions[5]) delete copy.game.actions[5].actionId;
    });
    const error = errorOf(() => PLAY_BY_PLAY_V3.parse(missing, ctx));
    expect(error.kind).toBe('parse');
    expect(error.message).toContain('actions[5]');
  });

  it('requires the schedule date of the game', () => {
    const { gameDate: _, ...withoutDate } = ctx;
    expect(() => PLAY_BY_PLAY_V3.parse(body, withoutDate)).toThrow(TypeError);
  });
});
