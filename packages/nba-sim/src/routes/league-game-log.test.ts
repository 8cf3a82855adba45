import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEAMS } from '../season/teams.js';
import { boxScoreTraditionalV3 } from './box-score-traditional-v3.js';
import { leagueGameLog } from './league-game-log.js';
import { createRouteContext, queryOf } from './route-test-context.js';

type Row = (string | number | null)[];
interface Body {
  resource: string;
  parameters: Record<string, unknown>;
  resultSets: { name: string; headers: string[]; rowSet: Row[] }[];
}
const fixture = JSON.parse(
  readFileSync(
    new URL('../../test/fixtures/nba/leaguegamelog_T_2025-26_RS_TRUNCATED30.json', import.meta.url),
  ).toString('utf8'),
) as Body;
const query = (seasonType: string, extra = '') =>
  queryOf(
    `Counter=0&DateFrom=&DateTo=&Direction=ASC&LeagueID=00&PlayerOrTeam=T&Season=2024-25&SeasonType=${seasonType}&Sorter=DATE${extra}`,
  );

describe('leaguegamelog', () => {
  const ctx = createRouteContext(1);
  const result = leagueGameLog.handle(query('Regular+Season'), ctx);
  const body = JSON.parse(result.body) as Body;
  const set = body.resultSets[0];
  const rows = set?.rowSet ?? [];
  const col = (name: string) => set?.headers.indexOf(name) ?? -1;

  it('matches the real envelope, parameter echo and 29 headers', () => {
    expect(Object.keys(body)).toEqual(Object.keys(fixture));
    expect(Object.keys(body.parameters)).toEqual(Object.keys(fixture.parameters));
    expect(body.parameters).toMatchObject({ Counter: 0, DateFrom: null, DateTo: null, Season: '2024-25' });
    expect(set?.name).toBe('LeagueGameLog');
    expect(set?.headers).toEqual(fixture.resultSets[0]?.headers);
  });

  it('lists 2460 rows, two per game, 82 per team, sorted by date', () => {
    expect(rows).toHaveLength(2460);
    const perGame = new Map<unknown, number>();
    for (const r of rows) perGame.set(r[col('GAME_ID')], (perGame.get(r[col('GAME_ID')]) ?? 0) + 1);
    expect([...new Set(perGame.values())]).toEqual([2]);
    for (const t of TEAMS) expect(rows.filter((r) => r[col('TEAM_ID')] === t.teamId)).toHaveLength(82);
    const dates = rows.map((r) => String(r[col('GAME_DATE')]));
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe('2024-10-22');
    expect(dates.at(-1)).toBe('2025-04-13');
    expect(new Set(rows.map((r) => r[col('SEASON_ID')]))).toEqual(new Set(['22024']));
    expect(new Set(rows.map((r) => r[col('VIDEO_AVAILABLE')]))).toEqual(new Set([1]));
  });

  it('agrees with the box score team totals', () => {
    const gameId = '0022400100';
    const box = JSON.parse(boxScoreTraditionalV3.handle(queryOf(`GameID=${gameId}`), ctx).body) as {
      boxScoreTraditional: { homeTeamId: number; homeTeam: { statistics: Record<string, number> } };
    };
    const home = box.boxScoreTraditional.homeTeam.statistics;
    const row = rows.find(
      (r) => r[col('GAME_ID')] === gameId && r[col('TEAM_ID')] === box.boxScoreTraditional.homeTeamId,
    );
    expect(row?.[col('PTS')]).toBe(home.points);
    expect(row?.[col('FGM')]).toBe(home.fieldGoalsMade);
    expect(row?.[col('REB')]).toBe(home.reboundsTotal);
    expect(row?.[col('PLUS_MINUS')]).toBe(home.plusMinusPoints);
    expect([240, 265, 290, 315]).toContain(row?.[col('MIN')]);
    expect(row?.[col('MATCHUP')]).toMatch(/^[A-Z]{3} vs\. [A-Z]{3}$/);
  });

  it('serves PlayIn and Playoffs with their SEASON_IDs', () => {
    const playIn = JSON.parse(leagueGameLog.handle(query('PlayIn'), ctx).body) as Body;
    expect(playIn.resultSets[0]?.rowSet).toHaveLength(12);
    expect(playIn.resultSets[0]?.rowSet[0]?.[0]).toBe('52024');
    const playoffs = JSON.parse(leagueGameLog.handle(query('Playoffs'), ctx).body) as Body;
    expect(playoffs.resultSets[0]?.rowSet[0]?.[0]).toBe('42024');
  });

  it('answers an unknown season with 200 and an empty rowSet', () => {
    const other = leagueGameLog.handle(
      queryOf('LeagueID=00&PlayerOrTeam=T&Season=2099-00&SeasonType=Regular+Season'),
      ctx,
    );
    expect(other.status).toBe(200);
    expect((JSON.parse(other.body) as Body).resultSets[0]?.rowSet).toEqual([]);
  });

  it('filters by DateFrom/DateTo and echoes them as MM/DD/YYYY', () => {
    const sliced = JSON.parse(
      leagueGameLog.handle(query('Regular+Season', '&DateFrom=2024-10-31&DateTo=11/01/2024'), ctx).body,
    ) as Body;
    expect(sliced.parameters).toMatchObject({ DateFrom: '10/31/2024', DateTo: '11/01/2024' });
    expect(new Set(sliced.resultSets[0]?.rowSet.map((r) => r[5]))).toEqual(
      new Set(['2024-10-31', '2024-11-01']),
    );
  });

  it('lists only the slice games', () => {
    const slice = createRouteContext(1, { dateFrom: '2024-10-31', dateTo: '2024-11-01' });
    const sliced = JSON.parse(leagueGameLog.handle(query('Regular+Season'), slice).body) as Body;
    expect(sliced.resultSets[0]?.rowSet.length).toBe(slice.listedGames.length * 2);
  });

  it('serves player mode with 32 headers and rows that add up to the team rows', () => {
    const slice = createRouteContext(1, { maxGames: 4 });
    const players = JSON.parse(
      leagueGameLog.handle(
        queryOf('LeagueID=00&PlayerOrTeam=P&Season=2024-25&SeasonType=Regular+Season'),
        slice,
      ).body,
    ) as Body;
    expect(players.resultSets[0]?.headers).toHaveLength(32);
    const teams = JSON.parse(leagueGameLog.handle(query('Regular+Season'), slice).body) as Body;
    const teamPoints = teams.resultSets[0]?.rowSet.reduce((a, r) => a + Number(r[26]), 0);
    const playerPoints = players.resultSets[0]?.rowSet.reduce((a, r) => a + Number(r[28]), 0);
    expect(playerPoints).toBe(teamPoints);
  });

  it('rejects bad parameters with the real 400 texts', () => {
    const bad = leagueGameLog.handle(
      queryOf('LeagueID=00&PlayerOrTeam=X&Season=2024&SeasonType=Regular+Season'),
      ctx,
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toBe(
      "The value '2024' is not valid for Season.;The field PlayerOrTeam must match the regular expression '^(P)|(T)$'.",
    );
  });
});
