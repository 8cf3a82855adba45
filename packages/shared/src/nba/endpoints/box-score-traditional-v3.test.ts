import { describe, expect, it } from 'vitest';
import { editedCopy, errorOf, readNbaFixture } from '../../../test/support/nba-fixtures.js';
import { BOX_SCORES_SCHEMA, BOX_SCORES_TEAMS_SCHEMA, checkRowsAgainstSchema } from '../../bronze/index.js';
import type { ParseContext } from '../endpoint.js';
import { BOX_SCORE_TRADITIONAL_V3 } from './box-score-traditional-v3.js';

const body: unknown = readNbaFixture('boxscoretraditionalv3_0022200552.json');
const ingestedAt = new Date('2026-02-22T05:36:00.000Z');
const ctx: ParseContext = {
  season: '2022-23',
  seasonType: 'Regular Season',
  gameId: '0022200552',
  gameDate: '2023-01-02',
  ingestedAt,
};

interface RawTeam {
  players: Record<string, unknown>[];
  starters: unknown;
}
interface RawBody {
  boxScoreTraditional: { gameId: unknown; homeTeam: RawTeam; awayTeam: RawTeam };
}
function variant(edit: (copy: RawBody) => void): unknown {
  return editedCopy(body, edit);
}

const parsed = BOX_SCORE_TRADITIONAL_V3.parse(body, ctx);
const players = parsed['box-scores'] ?? [];
const teams = parsed['box-scores-teams'] ?? [];

describe('BOX_SCORE_TRADITIONAL_V3', () => {
  it('sends the recorded parameters', () => {
    const params = BOX_SCORE_TRADITIONAL_V3.params({ season: '2022-23', gameId: '0022200552' });
    expect(new URLSearchParams(params).toString()).toBe(
      'EndPeriod=0&EndRange=0&GameID=0022200552&RangeType=0&StartPeriod=0&StartRange=0',
    );
  });

  it('refuses a target without a valid game id', () => {
    expect(() => BOX_SCORE_TRADITIONAL_V3.params({ season: '2022-23', gameId: '22200552' })).toThrow(
      TypeError,
    );
  });

  it('emits every listed player, home team first', () => {
    expect(players).toHaveLength(23);
    expect(players.filter((row) => row.team_tricode === 'CLE' && row.is_home === true)).toHaveLength(11);
    expect(players.filter((row) => row.team_tricode === 'CHI' && row.is_home === false)).toHaveLength(12);
    expect(players[0]?.team_tricode).toBe('CLE');
    expect(players.filter((row) => row.starter === true)).toHaveLength(10);
  });

  it('parses the Mitchell 71-point line exactly', () => {
    expect(players.find((row) => row.person_id === 1628378)).toEqual({
      game_id: '0022200552',
      season: '2022-23',
      season_type: 'Regular Season',
      game_date: '2023-01-02',
      team_id: 1610612739,
      team_city: 'Cleveland',
      team_name: 'Cavaliers',
      team_tricode: 'CLE',
      team_slug: 'cavaliers',
      is_home: true,
      person_id: 1628378,
      first_name: 'Donovan',
      family_name: 'Mitchell',
      name_i: 'D. Mitchell',
      player_slug: 'donovan-mitchell',
      position: 'G',
      starter: true,
      comment: '',
      jersey_num: '',
      minutes: '49:48',
      minutes_played: 49.8,
      field_goals_made: 22,
      field_goals_attempted: 34,
      field_goals_percentage: 0.647,
      three_pointers_made: 7,
      three_pointers_attempted: 15,
      three_pointers_percentage: 0.467,
      free_throws_made: 20,
      free_throws_attempted: 25,
      free_throws_percentage: 0.8,
      rebounds_offensive: 3,
      rebounds_defensive: 5,
      rebounds_total: 8,
      assists: 11,
      steals: 0,
      blocks: 1,
      turnovers: 4,
      fouls_personal: 3,
      points: 71,
      plus_minus_points: 19,
      _source_endpoint: 'boxscoretraditionalv3',
      _ingested_at: ingestedAt,
    });
  });

  it('keeps DNP players with minutes "" and a null minutes_played', () => {
    const dnp = players.filter((row) => row.minutes === '');
    expect(dnp).toHaveLength(4);
    for (const row of dnp) {
      expect(row).toMatchObject({ minutes_played: null, starter: false, points: 0 });
      expect(String(row.comment)).toMatch(/^DNP - /);
    }
    expect(players.find((row) => row.person_id === 1630596)?.comment).toBe('DNP - Injury/Illness');
  });

  it('keeps non-ASCII names as UTF-8', () => {
    expect(players.find((row) => row.person_id === 202696)).toMatchObject({
      family_name: 'Vučević',
      name_i: 'N. Vučević',
      player_slug: 'nikola-vučević',
    });
  });

  it('emits team, starters and bench rows per team', () => {
    expect(teams.map((row) => `${row.team_tricode}:${row.row_kind}`)).toEqual([
      'CLE:team',
      'CLE:starters',
      'CLE:bench',
      'CHI:team',
      'CHI:starters',
      'CHI:bench',
    ]);
    expect(teams[0]).toMatchObject({
      is_home: true,
      minutes: '265:00',
      minutes_played: 265,
      points: 145,
      plus_minus_points: 11,
      field_goals_percentage: 0.522,
    });
    expect(teams[1]).toMatchObject({ minutes: '184:29', points: 118, plus_minus_points: null });
    expect(teams[3]).toMatchObject({ is_home: false, points: 134, plus_minus_points: -11 });
  });

  it('keeps the bench minutes as given but derives minutes_played as team minus starters', () => {
    expect(teams[2]).toMatchObject({ minutes: '184:29', points: 27, plus_minus_points: null });
    expect(teams[2]?.minutes_played).toBeCloseTo(80 + 31 / 60, 10);
    expect(teams[5]).toMatchObject({ minutes: '192:42', points: 23 });
    expect(teams[5]?.minutes_played).toBeCloseTo(72.3, 10);
  });

  it('emits rows that match both schemas exactly', () => {
    expect(checkRowsAgainstSchema(players, BOX_SCORES_SCHEMA)).toEqual([]);
    expect(checkRowsAgainstSchema(teams, BOX_SCORES_TEAMS_SCHEMA)).toEqual([]);
  });

  it('falls back to the game id for the season type', () => {
    const { seasonType: _, ...withoutType } = ctx;
    expect(BOX_SCORE_TRADITIONAL_V3.parse(body, withoutType)['box-scores']?.[0]?.season_type).toBe(
      'Regular Season',
    );
  });

  it('classifies a {} body as empty', () => {
    expect(errorOf(() => BOX_SCORE_TRADITIONAL_V3.parse({}, ctx)).kind).toBe('empty');
  });

  it('classifies a box score without players as empty', () => {
    const noPlayers = variant((copy) => {
      copy.boxScoreTraditional.homeTeam.players = [];
      copy.boxScoreTraditional.awayTeam.players = [];
    });
    expect(errorOf(() => BOX_SCORE_TRADITIONAL_V3.parse(noPlayers, ctx)).kind).toBe('empty');
  });

  it('rejects a body about another game as a parse error', () => {
    const error = errorOf(() => BOX_SCORE_TRADITIONAL_V3.parse(body, { ...ctx, gameId: '0022200553' }));
    expect(error.kind).toBe('parse');
    expect(error.message).toContain('0022200553');
  });

  it('rejects a missing payload, a non-string game id and a wrongly typed stat as parse errors', () => {
    expect(errorOf(() => BOX_SCORE_TRADITIONAL_V3.parse({ meta: {} }, ctx)).kind).toBe('parse');
    const numericId = variant((copy) => {
      copy.boxScoreTraditional.gameId = 22200552;
    });
    expect(errorOf(() => BOX_SCORE_TRADITIONAL_V3.parse(numericId, ctx)).kind).toBe('parse');
    const badStat = variant((copy) => {
      const first = copy.boxScoreTraditional.homeTeam.players[0];
      if (first) first.statistics = { ...(first.statistics as object), points: '4' };
    });
    const error = errorOf(() => BOX_SCORE_TRADITIONAL_V3.parse(badStat, ctx));
    expect(error.kind).toBe('parse');
    expect(error.message).toContain('statistics.points');
  });

  it('rejects minutes in an unknown format as a parse error', () => {
    const badMinutes = variant((copy) => {
      const first = copy.boxScoreTraditional.homeTeam.players[0];
      if (first) first.statistics = { ...(first.statistics as object), minutes: '19.15' };
    });
    expect(errorOf(() => BOX_SCORE_TRADITIONAL_V3.parse(badMinutes, ctx)).message).toContain('19.15');
  });

  it('skips starters/bench rows the API sends as null', () => {
    const nullStarters = variant((copy) => {
      copy.boxScoreTraditional.homeTeam.starters = null;
    });
    const rows = BOX_SCORE_TRADITIONAL_V3.parse(nullStarters, ctx)['box-scores-teams'] ?? [];
    expect(rows.map((row) => row.row_kind)).toEqual(['team', 'bench', 'team', 'starters', 'bench']);
    expect(rows[1]?.minutes_played).toBeCloseTo(184 + 29 / 60, 10);
  });
});
