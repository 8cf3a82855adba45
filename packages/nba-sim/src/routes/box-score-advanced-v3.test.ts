import { describe, expect, it } from 'vitest';
import { boxScoreAdvancedV3 } from './box-score-advanced-v3.js';
import { boxScoreTraditionalV3 } from './box-score-traditional-v3.js';
import { createRouteContext, queryOf } from './route-test-context.js';

type Json = Record<string, unknown>;
interface Team {
  teamId: number;
  players: { personId: number; statistics: Json }[];
  statistics: Json;
}
const ctx = createRouteContext(1);
const QUERY = 'EndPeriod=0&EndRange=0&GameID=0022400061&RangeType=0&StartPeriod=0&StartRange=0';
const PLAYER_STATS = [
  'minutes',
  'estimatedOffensiveRating',
  'offensiveRating',
  'estimatedDefensiveRating',
  'defensiveRating',
  'estimatedNetRating',
  'netRating',
  'assistPercentage',
  'assistToTurnover',
  'assistRatio',
  'offensiveReboundPercentage',
  'defensiveReboundPercentage',
  'reboundPercentage',
  'turnoverRatio',
  'effectiveFieldGoalPercentage',
  'trueShootingPercentage',
  'usagePercentage',
  'estimatedUsagePercentage',
  'estimatedPace',
  'pace',
  'pacePer40',
  'possessions',
  'PIE',
];

describe('boxscoreadvancedv3', () => {
  const result = boxScoreAdvancedV3.handle(queryOf(QUERY), ctx);
  const body = JSON.parse(result.body) as {
    meta: Json;
    boxScoreAdvanced: { homeTeam: Team; awayTeam: Team } & Json;
  };
  const traditional = JSON.parse(boxScoreTraditionalV3.handle(queryOf(QUERY), ctx).body) as {
    boxScoreTraditional: { homeTeam: Team; awayTeam: Team };
  };

  it('has the V3 envelope with boxScoreAdvanced, players and statistics, no starters/bench', () => {
    expect(Object.keys(body)).toEqual(['meta', 'boxScoreAdvanced']);
    expect(String(body.meta.request)).toBe('http://nba.cloud/games/0022400061/boxscoreadvanced?Format=json');
    expect(Object.keys(body.boxScoreAdvanced)).toEqual([
      'gameId',
      'awayTeamId',
      'homeTeamId',
      'homeTeam',
      'awayTeam',
    ]);
    expect(Object.keys(body.boxScoreAdvanced.homeTeam)).toEqual([
      'teamId',
      'teamCity',
      'teamName',
      'teamTricode',
      'teamSlug',
      'players',
      'statistics',
    ]);
  });

  it('uses the documented statistic order, with the team-only turnover estimate', () => {
    expect(Object.keys(body.boxScoreAdvanced.homeTeam.players[0]?.statistics ?? {})).toEqual(PLAYER_STATS);
    const teamKeys = [...PLAYER_STATS];
    teamKeys.splice(PLAYER_STATS.indexOf('turnoverRatio'), 0, 'estimatedTeamTurnoverPercentage');
    expect(Object.keys(body.boxScoreAdvanced.homeTeam.statistics)).toEqual(teamKeys);
  });

  it('lists the same players as the traditional box score', () => {
    for (const side of ['homeTeam', 'awayTeam'] as const) {
      expect(body.boxScoreAdvanced[side].players.map((p) => p.personId)).toEqual(
        traditional.boxScoreTraditional[side].players.map((p) => p.personId),
      );
      expect(body.boxScoreAdvanced[side].players.map((p) => p.statistics.minutes)).toEqual(
        traditional.boxScoreTraditional[side].players.map((p) => p.statistics.minutes),
      );
    }
  });

  it('has plausible team numbers printed as floats', () => {
    const team = body.boxScoreAdvanced.homeTeam.statistics;
    expect(Number(team.pace)).toBeGreaterThan(80);
    expect(Number(team.pace)).toBeLessThan(120);
    expect(Number(team.offensiveRating)).toBeGreaterThan(70);
    expect(Number(team.trueShootingPercentage)).toBeLessThan(1);
    expect(result.body).toMatch(/"usagePercentage":1\.0/);
    expect(result.body).not.toMatch(/"PIE":-?\d+[,}]/);
  });

  it('answers an unknown game with 200 and no players, a bad id with 400', () => {
    const empty = JSON.parse(boxScoreAdvancedV3.handle(queryOf('GameID=0022409999'), ctx).body) as {
      boxScoreAdvanced: { homeTeam: Team };
    };
    expect(empty.boxScoreAdvanced.homeTeam.players).toEqual([]);
    expect(boxScoreAdvancedV3.handle(queryOf('GameID=1'), ctx).status).toBe(400);
  });
});
