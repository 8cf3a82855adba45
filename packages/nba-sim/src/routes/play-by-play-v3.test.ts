import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boxScoreTraditionalV3 } from './box-score-traditional-v3.js';
import { playByPlayV2 } from './play-by-play-v2.js';
import { playByPlayV3 } from './play-by-play-v3.js';
import { createRouteContext, queryOf } from './route-test-context.js';

interface Action {
  actionId: number;
  period: number;
  scoreHome: string;
  scoreAway: string;
  actionType: string;
}
interface Body {
  meta: Record<string, unknown>;
  game: { gameId: string; videoAvailable: number; actions: Action[] };
}
const fixture = JSON.parse(
  readFileSync(
    new URL('../../test/fixtures/nba/playbyplayv3_0022400001_TRUNCATED70.json', import.meta.url),
  ).toString('utf8'),
) as Body;
const ctx = createRouteContext(1);

describe('playbyplayv3', () => {
  const result = playByPlayV3.handle(queryOf('EndPeriod=0&GameID=0022400061&StartPeriod=0'), ctx);
  const body = JSON.parse(result.body) as Body;

  it('uses the real envelope and action key order', () => {
    expect(Object.keys(body)).toEqual(Object.keys(fixture));
    expect(Object.keys(body.meta)).toEqual(Object.keys(fixture.meta));
    expect(Object.keys(body.game)).toEqual(Object.keys(fixture.game));
    for (const action of body.game.actions)
      expect(Object.keys(action)).toEqual(Object.keys(fixture.game.actions[0] ?? {}));
  });

  it('ends on the box score points', () => {
    const box = JSON.parse(boxScoreTraditionalV3.handle(queryOf('GameID=0022400061'), ctx).body) as {
      boxScoreTraditional: {
        homeTeam: { statistics: { points: number } };
        awayTeam: { statistics: { points: number } };
      };
    };
    const last = body.game.actions.at(-1);
    expect(last?.scoreHome).toBe(String(box.boxScoreTraditional.homeTeam.statistics.points));
    expect(last?.scoreAway).toBe(String(box.boxScoreTraditional.awayTeam.statistics.points));
  });

  it('filters periods when StartPeriod/EndPeriod are set', () => {
    const second = JSON.parse(
      playByPlayV3.handle(queryOf('EndPeriod=2&GameID=0022400061&StartPeriod=2'), ctx).body,
    ) as Body;
    expect(new Set(second.game.actions.map((a) => a.period))).toEqual(new Set([2]));
  });

  it('answers an unknown game with 200 and no actions', () => {
    const empty = JSON.parse(playByPlayV3.handle(queryOf('GameID=0022409999'), ctx).body) as Body;
    expect(empty.game).toEqual({ gameId: '0022409999', videoAvailable: 0, actions: [] });
  });

  it('rejects a bad GameID', () => {
    expect(playByPlayV3.handle(queryOf('GameID=abc'), ctx).status).toBe(400);
  });
});

describe('playbyplayv2', () => {
  it('is dead: 200 {} for any game', () => {
    expect(playByPlayV2.handle(queryOf('GameID=0022400061'), ctx)).toMatchObject({ status: 200, body: '{}' });
  });
});
