import { describe, expect, it } from 'vitest';
import { boxScoreAdvancedV3 } from './box-score-advanced-v3.js';
import { boxScoreTraditionalV3 } from './box-score-traditional-v3.js';
import { leagueGameLog } from './league-game-log.js';
import { playByPlayV3 } from './play-by-play-v3.js';
import type { Route, RouteContext } from './route.js';
import { createRouteContext, queryOf } from './route-test-context.js';

type Row = (string | number | null)[];
interface GameLog {
  resultSets: { headers: string[]; rowSet: Row[] }[];
}
interface TeamBox {
  teamId: number;
  players: { personId: number; statistics: Record<string, number | string> }[];
  statistics: Record<string, number | string>;
}
interface Box {
  boxScoreTraditional: { homeTeamId: number; homeTeam: TeamBox; awayTeam: TeamBox };
}
interface Advanced {
  boxScoreAdvanced: { homeTeam: TeamBox; awayTeam: TeamBox };
}
interface Pbp {
  game: {
    videoAvailable: number;
    actions: { period: number; actionType: string; subType: string; scoreHome: string; scoreAway: string }[];
  };
}

// Oct 22 (2 games) is final, Oct 23 (12 games) is in progress, Oct 24 onwards is unplayed.
const TODAY = '2024-10-23';
const live = createRouteContext(1, {}, { today: TODAY });
const plain = createRouteContext(1);
/** Seed 1 plays 4 games on Oct 24 and 87 from opening night to Nov 1. */
const OCT_24_GAMES = 4;

const body = (route: Route, search: string, ctx: RouteContext = live) =>
  route.handle(queryOf(search), ctx).body;
const json = <T>(route: Route, search: string, ctx: RouteContext = live) =>
  JSON.parse(body(route, search, ctx)) as T;
const log = (mode: 'T' | 'P', ctx: RouteContext = live) =>
  json<GameLog>(
    leagueGameLog,
    `LeagueID=00&PlayerOrTeam=${mode}&Season=2024-25&SeasonType=Regular+Season&Direction=ASC`,
    ctx,
  ).resultSets[0] ?? { headers: [], rowSet: [] };

describe('a season in progress (today = 2024-10-23)', () => {
  const team = log('T');
  const col = (name: string) => team.headers.indexOf(name);
  const liveIds = [
    ...new Set(
      team.rowSet.filter((r) => r[col('GAME_DATE')] === TODAY).map((r) => String(r[col('GAME_ID')])),
    ),
  ];

  it('lists the final and the live games only, live ones with WL null', () => {
    expect(team.rowSet).toHaveLength(28);
    expect(liveIds).toHaveLength(12);
    const wl = (date: string) =>
      team.rowSet.filter((r) => r[col('GAME_DATE')] === date).map((r) => r[col('WL')]);
    expect(wl('2024-10-22').sort()).toEqual(['L', 'L', 'W', 'W']);
    expect(wl(TODAY)).toEqual(Array.from({ length: 24 }, () => null));
    const players = log('P');
    const wlColumn = players.headers.indexOf('WL');
    const liveRows = players.rowSet.filter((r) => r[players.headers.indexOf('GAME_DATE')] === TODAY);
    expect(liveRows.length).toBeGreaterThan(24 * 11);
    expect(new Set(liveRows.map((r) => r[wlColumn]))).toEqual(new Set([null]));
  });

  it('cuts each live game in the 3rd period: box scores, game log and play-by-play agree', () => {
    for (const gameId of liveIds) {
      const box = json<Box>(boxScoreTraditionalV3, `GameID=${gameId}`).boxScoreTraditional;
      const advanced = json<Advanced>(boxScoreAdvancedV3, `GameID=${gameId}`).boxScoreAdvanced;
      const actions = json<Pbp>(playByPlayV3, `GameID=${gameId}`).game.actions;
      const last = actions.at(-1);
      expect(last?.period).toBe(3);
      expect(last?.actionType === 'period' && last.subType === 'end').toBe(false);
      const scored = [...actions].reverse().find((a) => a.scoreHome !== '');
      expect(scored?.scoreHome).toBe(String(box.homeTeam.statistics.points));
      expect(scored?.scoreAway).toBe(String(box.awayTeam.statistics.points));
      for (const side of [box.homeTeam, box.awayTeam]) {
        const row = team.rowSet.find(
          (r) => r[col('GAME_ID')] === gameId && r[col('TEAM_ID')] === side.teamId,
        );
        expect(row?.[col('PTS')]).toBe(side.statistics.points);
        expect(row?.[col('AST')]).toBe(side.statistics.assists);
        expect(row?.[col('REB')]).toBe(side.statistics.reboundsTotal);
        expect(row?.[col('MIN')]).toBeLessThan(240);
      }
      expect(advanced.homeTeam.statistics.minutes).toBe(box.homeTeam.statistics.minutes);
      expect(advanced.homeTeam.players.map((p) => p.personId)).toEqual(
        box.homeTeam.players.map((p) => p.personId),
      );
    }
  });

  it('answers an unplayed game exactly like a game no served season has', () => {
    const gameId = live.firstSeason.season.games.find((g) => g.gameDate === '2024-10-24')?.gameId ?? '';
    const elsewhere = createRouteContext(1, {}, { seasons: ['2023-24'] });
    for (const route of [boxScoreTraditionalV3, boxScoreAdvancedV3, playByPlayV3])
      expect(body(route, `GameID=${gameId}`)).toBe(body(route, `GameID=${gameId}`, elsewhere));
    expect(json<Box>(boxScoreTraditionalV3, `GameID=${gameId}`).boxScoreTraditional).toMatchObject({
      homeTeamId: 0,
      homeTeam: { players: [] },
    });
    expect(json<Pbp>(playByPlayV3, `GameID=${gameId}`).game).toMatchObject({
      videoAvailable: 0,
      actions: [],
    });
  });

  it('serves final games byte for byte as without a today', () => {
    for (const route of [boxScoreTraditionalV3, boxScoreAdvancedV3, playByPlayV3])
      expect(body(route, 'GameID=0022400061')).toBe(body(route, 'GameID=0022400061', plain));
    const finalRows = (ctx: RouteContext) => log('T', ctx).rowSet.filter((r) => r[5] === '2024-10-22');
    expect(finalRows(live)).toEqual(finalRows(createRouteContext(1, { dateTo: '2024-10-22' })));
  });

  it('makes the same game final, and whole, once today moves past it', () => {
    const gameId = liveIds[0] ?? '';
    const partial = json<Pbp>(playByPlayV3, `GameID=${gameId}`).game.actions;
    const moved = createRouteContext(1, {}, { today: TODAY });
    moved.state.setToday('2024-10-24');
    expect(body(playByPlayV3, `GameID=${gameId}`, moved)).toBe(body(playByPlayV3, `GameID=${gameId}`, plain));
    const whole = json<Pbp>(playByPlayV3, `GameID=${gameId}`, plain).game.actions;
    expect(whole.slice(0, partial.length)).toEqual(partial);
    const rows = log('T', moved).rowSet;
    expect(rows).toHaveLength(36);
    expect(rows.filter((r) => r[5] === TODAY).map((r) => r[7] === null)).toEqual(Array(24).fill(false));
    expect(rows.filter((r) => r[5] === '2024-10-24').map((r) => r[7])).toEqual(
      Array(2 * OCT_24_GAMES).fill(null),
    );
  });

  it('lists nothing for a season that has not started and everything for one that is over', () => {
    const early = createRouteContext(1, {}, { today: '2024-10-01' });
    expect(log('T', early).rowSet).toEqual([]);
    const over = createRouteContext(1, { dateTo: '2024-11-01' }, { today: '2025-07-01' });
    expect(log('T', over).rowSet).toHaveLength(174);
    expect(over.listedGames).toHaveLength(87);
    expect(new Set(log('T', over).rowSet.map((r) => r[7]))).toEqual(new Set(['W', 'L']));
  });
});
