import { describe, expect, it } from 'vitest';
import { errorOf, readNbaFixture } from '../../../test/support/nba-fixtures.js';
import { checkRowsAgainstSchema, PLAYERS_SCHEMA } from '../../bronze/index.js';
import type { ParseContext } from '../endpoint.js';
import { COMMON_ALL_PLAYERS } from './common-all-players.js';

const body: unknown = readNbaFixture('commonallplayers_2025-26_TRUNCATED26.json');
const ingestedAt = new Date('2026-02-22T05:36:00.000Z');
const ctx: ParseContext = { season: '2025-26', ingestedAt };

describe('COMMON_ALL_PLAYERS', () => {
  it('asks for the players of the season only', () => {
    expect(new URLSearchParams(COMMON_ALL_PLAYERS.params({ season: '2024-25' })).toString()).toBe(
      'IsOnlyCurrentSeason=1&LeagueID=00&Season=2024-25',
    );
  });

  it('parses one row per player with exact values', () => {
    const rows = COMMON_ALL_PLAYERS.parse(body, ctx).players ?? [];
    expect(rows).toHaveLength(26);
    expect(rows[8]).toEqual({
      season: '2025-26',
      person_id: 1630173,
      display_last_comma_first: 'Achiuwa, Precious',
      display_first_last: 'Precious Achiuwa',
      rosterstatus: 1,
      from_year: '2020',
      to_year: '2025',
      playercode: 'precious_achiuwa',
      player_slug: 'precious_achiuwa',
      team_id: 1610612758,
      team_city: 'Sacramento',
      team_name: 'Kings',
      team_abbreviation: 'SAC',
      team_code: 'kings',
      team_slug: 'kings',
      games_played_flag: 'Y',
      otherleague_experience_ch: '00',
      _source_endpoint: 'commonallplayers',
      _ingested_at: ingestedAt,
    });
  });

  it('keeps unrostered players with team_id 0, empty team fields and a null team_slug', () => {
    const rows = COMMON_ALL_PLAYERS.parse(body, ctx).players ?? [];
    const unrostered = rows.filter((row) => row.team_id === 0);
    expect(unrostered).toHaveLength(11);
    for (const row of unrostered) {
      expect(row).toMatchObject({ team_slug: null, team_city: '', team_abbreviation: '', rosterstatus: 0 });
    }
    expect(rows.find((row) => row.person_id === 202364)).toMatchObject({
      display_first_last: "Da'Sean Butler",
      games_played_flag: 'N',
    });
  });

  it('emits rows that match the players schema exactly', () => {
    const rows = COMMON_ALL_PLAYERS.parse(body, ctx).players ?? [];
    expect(checkRowsAgainstSchema(rows, PLAYERS_SCHEMA)).toEqual([]);
  });

  it('treats zero players as empty', () => {
    const none = structuredClone(body) as { resultSets: { rowSet: unknown[] }[] };
    if (none.resultSets[0]) none.resultSets[0].rowSet = [];
    expect(errorOf(() => COMMON_ALL_PLAYERS.parse(none, ctx)).kind).toBe('empty');
  });

  it('rejects a body without resultSets, or with a null where none is allowed, as parse errors', () => {
    expect(errorOf(() => COMMON_ALL_PLAYERS.parse({}, ctx)).kind).toBe('parse');
    const nullName = structuredClone(body) as { resultSets: { rowSet: unknown[][] }[] };
    const row = nullName.resultSets[0]?.rowSet[0];
    if (row) row[2] = null;
    const error = errorOf(() => COMMON_ALL_PLAYERS.parse(nullName, ctx));
    expect(error.kind).toBe('parse');
    expect(error.message).toContain('DISPLAY_FIRST_LAST');
  });
});
