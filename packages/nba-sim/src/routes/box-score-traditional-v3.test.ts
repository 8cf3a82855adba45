import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boxScoreTraditionalV3 } from './box-score-traditional-v3.js';
import { createRouteContext, queryOf } from './route-test-context.js';

type Json = Record<string, unknown>;
const fixture = JSON.parse(
  readFileSync(
    new URL('../../test/fixtures/nba/boxscoretraditionalv3_0022200552.json', import.meta.url),
  ).toString('utf8'),
) as Json;
const ctx = createRouteContext(1);
const QUERY = 'EndPeriod=0&EndRange=0&GameID=0022400061&RangeType=0&StartPeriod=0&StartRange=0';

const keys = (v: unknown) => Object.keys(v as Json);
const at = (v: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], v);

describe('boxscoretraditionalv3', () => {
  const result = boxScoreTraditionalV3.handle(queryOf(QUERY), ctx);
  const body = JSON.parse(result.body) as Json;
  const box = body.boxScoreTraditional as Json;

  it('answers 200 with the real key orders at every level', () => {
    expect(result.status).toBe(200);
    expect(keys(body)).toEqual(keys(fixture));
    expect(keys(body.meta)).toEqual(keys(fixture.meta));
    expect(keys(box)).toEqual(keys(fixture.boxScoreTraditional));
    for (const side of ['homeTeam', 'awayTeam']) {
      const real = at(fixture, 'boxScoreTraditional', side);
      expect(keys(box[side])).toEqual(keys(real));
      expect(keys(at(box, side, 'players', 0))).toEqual(keys(at(real, 'players', 0)));
      for (const part of ['statistics', 'starters', 'bench'])
        expect(keys(at(box, side, part))).toEqual(keys(at(real, part)));
      expect(keys(at(box, side, 'players', 0, 'statistics'))).toEqual(
        keys(at(real, 'players', 0, 'statistics')),
      );
    }
  });

  it('puts the home team first and echoes the ids', () => {
    expect(box).toMatchObject({ gameId: '0022400061', homeTeamId: 1610612738, awayTeamId: 1610612752 });
    expect(at(box, 'homeTeam', 'teamTricode')).toBe('BOS');
  });

  it('prints floats the way the real API does', () => {
    expect(result.body).toMatch(/"plusMinusPoints":-?\d+\.\d/);
    expect(result.body).not.toMatch(/"plusMinusPoints":-?\d+[,}]/);
    expect(result.body).not.toMatch(/Percentage":\d+[,}]/);
    expect(result.body).toContain('"minutes":"240:00"');
  });

  it('sums players into team statistics, starters and bench (with the bench.minutes bug)', () => {
    for (const side of ['homeTeam', 'awayTeam']) {
      const team = box[side] as Json;
      const players = team.players as { statistics: Json }[];
      const sum = (list: { statistics: Json }[], key: string) =>
        list.reduce((acc, p) => acc + Number(p.statistics[key]), 0);
      for (const key of [
        'fieldGoalsMade',
        'threePointersAttempted',
        'freeThrowsMade',
        'reboundsTotal',
        'assists',
        'points',
      ]) {
        expect(at(team, 'statistics', key)).toBe(sum(players, key));
        expect(at(team, 'starters', key)).toBe(sum(players.slice(0, 5), key));
        expect(at(team, 'bench', key)).toBe(sum(players.slice(5), key));
      }
      expect(at(team, 'bench', 'minutes')).toBe(at(team, 'starters', 'minutes'));
      const dnp = players.filter((p) => p.statistics.minutes === '');
      expect(dnp.length).toBeGreaterThan(0);
    }
  });

  it('rejects a malformed GameID with the real 400 text', () => {
    const bad = boxScoreTraditionalV3.handle(queryOf('GameID=22400061'), ctx);
    expect(bad).toEqual({
      status: 400,
      contentType: 'text/plain; charset=utf-8',
      body: "The field GameID must match the regular expression '^\\d{10}$'.",
    });
    expect(boxScoreTraditionalV3.handle(queryOf('GameID='), ctx).body).toBe(
      'The GameID property is required.',
    );
  });

  it('answers an unknown well-formed id with 200 and no players', () => {
    const empty = JSON.parse(boxScoreTraditionalV3.handle(queryOf('GameID=0022409999'), ctx).body) as Json;
    expect(at(empty, 'boxScoreTraditional', 'homeTeam', 'players')).toEqual([]);
    expect(at(empty, 'boxScoreTraditional', 'homeTeamId')).toBe(0);
  });

  it('is byte-identical for the same seed', () => {
    expect(boxScoreTraditionalV3.handle(queryOf(QUERY), createRouteContext(1)).body).toBe(result.body);
  });
});
