import type { ScheduledGame } from '../season/game-types.js';
import { emptyStatLine, percentage, type StatLine } from '../season/stat-line.js';
import { teamById, teamFullName } from '../season/teams.js';
import type { SeasonView } from './route.js';

/** Rows of leaguegamelog in its real column order (REFERENCE §4.2), from the game totals. */
export const TEAM_HEADERS = [
  'SEASON_ID',
  'TEAM_ID',
  'TEAM_ABBREVIATION',
  'TEAM_NAME',
  'GAME_ID',
  'GAME_DATE',
  'MATCHUP',
  'WL',
  'MIN',
  'FGM',
  'FGA',
  'FG_PCT',
  'FG3M',
  'FG3A',
  'FG3_PCT',
  'FTM',
  'FTA',
  'FT_PCT',
  'OREB',
  'DREB',
  'REB',
  'AST',
  'STL',
  'BLK',
  'TOV',
  'PF',
  'PTS',
  'PLUS_MINUS',
  'VIDEO_AVAILABLE',
];
export const PLAYER_HEADERS = [
  'SEASON_ID',
  'PLAYER_ID',
  'PLAYER_NAME',
  'TEAM_ID',
  'TEAM_ABBREVIATION',
  'TEAM_NAME',
  'GAME_ID',
  'GAME_DATE',
  'MATCHUP',
  'WL',
  'MIN',
  'FGM',
  'FGA',
  'FG_PCT',
  'FG3M',
  'FG3A',
  'FG3_PCT',
  'FTM',
  'FTA',
  'FT_PCT',
  'OREB',
  'DREB',
  'REB',
  'AST',
  'STL',
  'BLK',
  'TOV',
  'PF',
  'PTS',
  'PLUS_MINUS',
  'FANTASY_PTS',
  'VIDEO_AVAILABLE',
];
export const TEAM_FLOATS = new Set(['FG_PCT', 'FG3_PCT', 'FT_PCT']);
export const PLAYER_FLOATS = new Set(['FG_PCT', 'FG3_PCT', 'FT_PCT', 'FANTASY_PTS']);

export type Row = (string | number | null)[];

/** V2 prints null, not 0.0, when nothing was attempted. */
const pct = (made: number, attempted: number): number | null =>
  attempted === 0 ? null : percentage(made, attempted);

function shootingColumns(line: StatLine): Row {
  return [
    line.fgm,
    line.fga,
    pct(line.fgm, line.fga),
    line.fg3m,
    line.fg3a,
    pct(line.fg3m, line.fg3a),
    line.ftm,
    line.fta,
    pct(line.ftm, line.fta),
    line.oreb,
    line.dreb,
    line.oreb + line.dreb,
    line.ast,
    line.stl,
    line.blk,
    line.tov,
    line.pf,
    line.pts,
  ];
}

interface TeamSide {
  readonly teamId: number;
  readonly opponentId: number;
  readonly isHome: boolean;
  /** WL: null while the game is in progress. */
  readonly wl: 'W' | 'L' | null;
}

function sidesOf(game: ScheduledGame, live: boolean, homePoints: number, awayPoints: number): TeamSide[] {
  const homeWon = homePoints > awayPoints;
  const wl = (won: boolean) => (live ? null : won ? 'W' : 'L');
  return [
    { teamId: game.homeTeamId, opponentId: game.awayTeamId, isHome: true, wl: wl(homeWon) },
    { teamId: game.awayTeamId, opponentId: game.homeTeamId, isHome: false, wl: wl(!homeWon) },
  ];
}

function matchup(side: TeamSide): string {
  const own = teamById(side.teamId).tricode;
  const other = teamById(side.opponentId).tricode;
  return side.isHome ? `${own} vs. ${other}` : `${own} @ ${other}`;
}

export function teamRows(games: readonly ScheduledGame[], view: SeasonView, seasonId: string): Row[] {
  return games.flatMap((game) => {
    const { summary, home, away } = view.totalsOf(game);
    const minutes = Math.round(home.seconds / 60);
    return sidesOf(game, view.isLive(game), summary.homePoints, summary.awayPoints).map((side) => {
      const team = teamById(side.teamId);
      const line = side.isHome ? home : away;
      const other = side.isHome ? away : home;
      return [
        seasonId,
        team.teamId,
        team.tricode,
        teamFullName(team),
        game.gameId,
        game.gameDate,
        matchup(side),
        side.wl,
        minutes,
        ...shootingColumns(line),
        line.pts - other.pts,
        1,
      ];
    });
  });
}

export function playerRows(games: readonly ScheduledGame[], view: SeasonView, seasonId: string): Row[] {
  return games.flatMap((game) => {
    const sim = view.play(game);
    return sidesOf(game, view.isLive(game), sim.home.points, sim.away.points).flatMap((side) => {
      const teamGame = side.isHome ? sim.home : sim.away;
      const team = teamGame.team;
      return teamGame.rows.map((r) => {
        const l = teamGame.lines.get(r.player.personId) ?? emptyStatLine();
        const fantasy =
          Math.round((l.pts + 1.2 * (l.oreb + l.dreb) + 1.5 * l.ast + 3 * l.stl + 3 * l.blk - l.tov) * 10) /
          10;
        return [
          seasonId,
          r.player.personId,
          `${r.player.firstName} ${r.player.familyName}`,
          team.teamId,
          team.tricode,
          teamFullName(team),
          game.gameId,
          game.gameDate,
          matchup(side),
          side.wl,
          Math.round(l.seconds / 60),
          ...shootingColumns(l),
          l.plusMinus,
          fantasy,
          1,
        ];
      });
    });
  });
}
