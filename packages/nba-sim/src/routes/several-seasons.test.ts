import { describe, expect, it } from 'vitest';
import { boxScoreTraditionalV3 } from './box-score-traditional-v3.js';
import { commonAllPlayers } from './common-all-players.js';
import { leagueGameLog } from './league-game-log.js';
import { playByPlayV3 } from './play-by-play-v3.js';
import type { Route } from './route.js';
import { createRouteContext, queryOf } from './route-test-context.js';

type Row = (string | number | null)[];
interface V2 {
  resultSets: { headers: string[]; rowSet: Row[] }[];
}
interface Box {
  boxScoreTraditional: {
    homeTeamId: number;
    homeTeam: { teamTricode: string; statistics: { points: number } };
    awayTeam: { statistics: { points: number } };
  };
}
interface Pbp {
  game: { actions: { scoreHome: string; scoreAway: string }[] };
}

// 2024-25 first, so its slice dates (Oct 31 - Nov 1) move to 2023-10-31 .. 2023-11-01 for 2023-24.
const ctx = createRouteContext(
  1,
  { dateFrom: '2024-10-31', dateTo: '2024-11-01' },
  { seasons: ['2024-25', '2023-24'] },
);
const json = <T>(route: Route, search: string) => JSON.parse(route.handle(queryOf(search), ctx).body) as T;
const log = (season: string) =>
  json<V2>(leagueGameLog, `LeagueID=00&PlayerOrTeam=T&Season=${season}&SeasonType=Regular+Season`)
    .resultSets[0] ?? {
    headers: [],
    rowSet: [],
  };

describe('several served seasons', () => {
  it('answers leaguegamelog for each served season by Season, with its own ids and dates', () => {
    const earlier = log('2023-24');
    expect(earlier.rowSet).toHaveLength(44);
    expect(new Set(earlier.rowSet.map((r) => r[0]))).toEqual(new Set(['22023']));
    expect(new Set(earlier.rowSet.map((r) => r[5]))).toEqual(new Set(['2023-10-31', '2023-11-01']));
    for (const r of earlier.rowSet) expect(String(r[4])).toMatch(/^00223\d{5}$/);
    expect(log('2024-25').rowSet).toHaveLength(44);
    expect(log('2022-23').rowSet).toEqual([]);
  });

  it('answers box score and play-by-play by the year digits of the game id, consistently', () => {
    const box = json<Box>(boxScoreTraditionalV3, 'GameID=0022300061').boxScoreTraditional;
    expect(box.homeTeam.teamTricode).toBe('BOS');
    const last = json<Pbp>(playByPlayV3, 'GameID=0022300061').game.actions.at(-1);
    expect(last).toMatchObject({
      scoreHome: String(box.homeTeam.statistics.points),
      scoreAway: String(box.awayTeam.statistics.points),
    });
    const other = json<Box>(boxScoreTraditionalV3, 'GameID=0022400061').boxScoreTraditional;
    expect([box.homeTeam.statistics.points, box.awayTeam.statistics.points]).not.toEqual([
      other.homeTeam.statistics.points,
      other.awayTeam.statistics.points,
    ]);
    expect(json<Box>(boxScoreTraditionalV3, 'GameID=0022200061').boxScoreTraditional.homeTeamId).toBe(0);
  });

  it('agrees between the game log and the box score of the second season', () => {
    const earlier = log('2023-24');
    const gameId = String(earlier.rowSet[0]?.[4]);
    const box = json<Box>(boxScoreTraditionalV3, `GameID=${gameId}`).boxScoreTraditional;
    const home = earlier.rowSet.find((r) => r[4] === gameId && r[1] === box.homeTeamId);
    expect(home?.[26]).toBe(box.homeTeam.statistics.points);
  });

  it('lists the rostered players of every served season, historical ones only for others', () => {
    const players = (season: string, only: 0 | 1) =>
      json<V2>(commonAllPlayers, `IsOnlyCurrentSeason=${only}&LeagueID=00&Season=${season}`).resultSets[0]
        ?.rowSet ?? [];
    const earlier = players('2023-24', 1);
    expect(earlier).toHaveLength(450);
    expect(new Set(earlier.map((r) => r[5]))).toEqual(new Set(['2023']));
    expect(earlier.map((r) => r[0])).toEqual(players('2024-25', 1).map((r) => r[0]));
    expect(players('2022-23', 1)).toEqual([]);
    expect(players('2022-23', 0)).toHaveLength(240);
  });
});
