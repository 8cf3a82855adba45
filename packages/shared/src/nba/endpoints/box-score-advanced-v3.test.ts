import { describe, expect, it } from 'vitest';
import { editedCopy, kindOf, readNbaFixture } from '../../../test/support/nba-fixtures.js';
import { BOX_SCORES_ADVANCED_SCHEMA, checkRowsAgainstSchema } from '../../bronze/index.js';
import type { ParseContext } from '../endpoint.js';
import { BOX_SCORE_ADVANCED_V3 } from './box-score-advanced-v3.js';

// There is no real boxscoreadvancedv3 sample in shared/nba-api/samples, so this fixture is the
// simulator's answer (seed 7, NYK @ BOS 2024-10-22), saved unchanged.
const body: unknown = readNbaFixture('sim_boxscoreadvancedv3_0022400061.json');
const ctx: ParseContext = {
  season: '2024-25',
  seasonType: 'Regular Season',
  gameId: '0022400061',
  gameDate: '2024-10-22',
  ingestedAt: new Date('2024-10-23T04:00:00.000Z'),
};

interface RawTeam {
  teamId: number;
  players: { statistics: Record<string, unknown> }[];
  statistics: Record<string, unknown>;
}
interface RawBody {
  boxScoreAdvanced: { gameId: unknown; homeTeam: RawTeam; awayTeam: RawTeam };
}
function variant(edit: (copy: RawBody) => void): unknown {
  return editedCopy(body, edit);
}

const rows = BOX_SCORE_ADVANCED_V3.parse(body, ctx)['box-scores-advanced'] ?? [];

describe('BOX_SCORE_ADVANCED_V3', () => {
  it('sends the same parameters as the traditional box score', () => {
    const params = BOX_SCORE_ADVANCED_V3.params({ season: '2024-25', gameId: '0022400061' });
    expect(new URLSearchParams(params).toString()).toBe(
      'EndPeriod=0&EndRange=0&GameID=0022400061&RangeType=0&StartPeriod=0&StartRange=0',
    );
    expect(BOX_SCORE_ADVANCED_V3.endpoint).toBe('boxscoreadvancedv3');
    expect(BOX_SCORE_ADVANCED_V3.datasets).toEqual(['box-scores-advanced']);
  });

  it('emits every player (home first), then one team row per team', () => {
    expect(rows).toHaveLength(12 + 14 + 2);
    expect(rows.slice(0, 12).every((row) => row.team_tricode === 'BOS' && row.row_kind === 'player')).toBe(
      true,
    );
    expect(rows.slice(12, 26).every((row) => row.team_tricode === 'NYK' && row.is_home === false)).toBe(true);
    expect(rows.slice(26).map((row) => [row.row_kind, row.team_tricode])).toEqual([
      ['team', 'BOS'],
      ['team', 'NYK'],
    ]);
    expect(rows.filter((row) => row.starter === true)).toHaveLength(10);
  });

  it('writes rows that fit the schema exactly', () => {
    expect(checkRowsAgainstSchema(rows, BOX_SCORES_ADVANCED_SCHEMA)).toEqual([]);
  });

  it('parses a player line exactly', () => {
    expect(rows[0]).toEqual({
      game_id: '0022400061',
      season: '2024-25',
      season_type: 'Regular Season',
      game_date: '2024-10-22',
      team_id: 1610612738,
      team_city: 'Boston',
      team_name: 'Celtics',
      team_tricode: 'BOS',
      team_slug: 'celtics',
      is_home: true,
      row_kind: 'player',
      person_id: 1626719,
      first_name: 'Norman',
      family_name: 'Williams',
      name_i: 'N. Williams',
      player_slug: 'norman-williams',
      position: 'F',
      starter: true,
      comment: '',
      jersey_num: '',
      minutes: '35:33',
      minutes_played: 35.55,
      estimated_offensive_rating: 118.4,
      offensive_rating: 118.4,
      estimated_defensive_rating: 114.6,
      defensive_rating: 114.6,
      estimated_net_rating: 3.8,
      net_rating: 3.8,
      assist_percentage: 0.132,
      assist_to_turnover: 0,
      assist_ratio: 12.1,
      offensive_rebound_percentage: 0.064,
      defensive_rebound_percentage: 0.106,
      rebound_percentage: 0.087,
      estimated_team_turnover_percentage: null,
      turnover_ratio: 0,
      effective_field_goal_percentage: 0.643,
      true_shooting_percentage: 0.663,
      usage_percentage: 0.265,
      estimated_usage_percentage: 0.265,
      estimated_pace: 98.68,
      pace: 98.68,
      pace_per40: 82.23,
      possessions: 74,
      pie: 0.126,
      _source_endpoint: 'boxscoreadvancedv3',
      _ingested_at: ctx.ingestedAt,
    });
  });

  it('gives team rows null player fields and the team-only turnover percentage', () => {
    const team = rows[26];
    expect(team).toMatchObject({
      row_kind: 'team',
      person_id: null,
      first_name: null,
      starter: null,
      minutes: '240:00',
      minutes_played: 240,
      estimated_team_turnover_percentage: 0.131,
      possessions: 99,
      pie: 0.53,
    });
  });

  it('keeps DNP players with "" minutes and null minutes_played', () => {
    const dnp = rows.filter((row) => row.minutes === '');
    expect(dnp).toHaveLength(4);
    expect(dnp.every((row) => row.minutes_played === null && row.comment !== '')).toBe(true);
  });

  it('classifies empty and malformed answers', () => {
    expect(kindOf(() => BOX_SCORE_ADVANCED_V3.parse({}, ctx))).toBe('empty');
    expect(
      kindOf(() =>
        BOX_SCORE_ADVANCED_V3.parse(
          variant((b) => {
            b.boxScoreAdvanced.awayTeam.players = [];
          }),
          ctx,
        ),
      ),
    ).toBe('empty');
    expect(
      kindOf(() =>
        BOX_SCORE_ADVANCED_V3.parse(
          variant((b) => {
            b.boxScoreAdvanced.gameId = '0022400062';
          }),
          ctx,
        ),
      ),
    ).toBe('parse');
    expect(
      kindOf(() =>
        BOX_SCORE_ADVANCED_V3.parse(
          variant((b) => {
            const first = b.boxScoreAdvanced.homeTeam.players[0];
            if (first) first.statistics.pace = '98.68';
          }),
          ctx,
        ),
      ),
    ).toBe('parse');
    expect(
      kindOf(() =>
        BOX_SCORE_ADVANCED_V3.parse(
          variant((b) => {
            b.boxScoreAdvanced.homeTeam.statistics.minutes = '';
          }),
          ctx,
        ),
      ),
    ).toBe('parse');
  });
});
