import type { ScheduledGame, SeasonType } from '../season/game-types.js';
import { seasonIdOf } from '../season/game-types.js';
import { parseQueryDate, toUsDate } from '../season/season-calendar.js';
import {
  PLAYER_FLOATS,
  PLAYER_HEADERS,
  playerRows,
  type Row,
  TEAM_FLOATS,
  TEAM_HEADERS,
  teamRows,
} from './game-log-rows.js';
import { v2Body } from './json-with-floats.js';
import {
  checkInteger,
  checkLeagueId,
  checkPattern,
  checkSeason,
  compact,
  integerParam,
} from './param-checks.js';
import { badRequest, jsonResult, type QueryParams, type Route, type SeasonView } from './route.js';

const SEASON_TYPES = ['Regular Season', 'Pre Season', 'Playoffs', 'All Star', 'PlayIn'];

function validate(query: QueryParams): string[] {
  return compact([
    checkLeagueId(query),
    checkSeason(query, true),
    checkPattern(
      query,
      'SeasonType',
      /^(Regular Season)|(Pre Season)|(Playoffs)|(All Star)|(PlayIn)$/,
      '^(Regular Season)|(Pre Season)|(Playoffs)|(All Star)|(PlayIn)$',
      true,
    ),
    checkPattern(query, 'PlayerOrTeam', /^(P)|(T)$/, '^(P)|(T)$', true),
    checkPattern(query, 'Direction', /^(ASC)|(DESC)$/, '^(ASC)|(DESC)$', false),
    checkInteger(query, 'Counter'),
    ...['DateFrom', 'DateTo'].map((k) => {
      const v = query.get(k);
      return v !== undefined && parseQueryDate(v) === undefined ? 'Invalid date' : undefined;
    }),
  ]);
}

/** The asked season's listed games of one season type; none for a season that is not served. */
function listedGames(query: QueryParams, view: SeasonView): ScheduledGame[] {
  const seasonType = query.get('SeasonType') as SeasonType;
  if (query.get('LeagueID') !== '00' || !SEASON_TYPES.includes(seasonType)) return [];
  const from = parseQueryDate(query.get('DateFrom') ?? '');
  const to = parseQueryDate(query.get('DateTo') ?? '');
  return view
    .listedGames()
    .filter((g) => g.seasonType === seasonType && (!from || g.gameDate >= from) && (!to || g.gameDate <= to));
}

/**
 * One row per team per game (or per player per game with PlayerOrTeam=P) of the `Season` asked
 * (any served one), sorted by GAME_DATE
 * (Sorter is accepted but always sorts by date), then by team id within a date.
 */
export const leagueGameLog: Route = {
  endpoint: 'leaguegamelog',
  fullTtl: '1800.000',
  dataSource: 'Databricks',
  keyParams: [
    'LeagueID',
    'Season',
    'SeasonType',
    'PlayerOrTeam',
    'Counter',
    'Sorter',
    'Direction',
    'DateFrom',
    'DateTo',
  ],
  handle(query, ctx) {
    const errors = validate(query);
    if (errors.length > 0) return badRequest(errors);
    const players = query.get('PlayerOrTeam') === 'P';
    const seasonType = query.get('SeasonType') as SeasonType;
    const seasonId = SEASON_TYPES.includes(seasonType)
      ? seasonIdOf(seasonType, Number(query.get('Season')?.slice(0, 4)))
      : '';
    const view = ctx.season(query.get('Season') ?? '');
    const games = view ? listedGames(query, view) : [];
    const rows = !view ? [] : players ? playerRows(games, view, seasonId) : teamRows(games, view, seasonId);
    const teamColumn = players ? 3 : 1;
    const dateColumn = players ? 7 : 5;
    const compareDates = (a: Row, b: Row) =>
      String(a[dateColumn]) < String(b[dateColumn])
        ? -1
        : String(a[dateColumn]) > String(b[dateColumn])
          ? 1
          : 0;
    rows.sort((a, b) => compareDates(a, b) || Number(a[teamColumn]) - Number(b[teamColumn]));
    if (query.get('Direction') === 'DESC') rows.reverse();
    const dateEcho = (key: string) => {
      const date = parseQueryDate(query.get(key) ?? '');
      return date ? toUsDate(date) : null;
    };
    const parameters = {
      LeagueID: query.get('LeagueID') ?? null,
      Season: query.get('Season') ?? null,
      SeasonType: query.get('SeasonType') ?? null,
      PlayerOrTeam: query.get('PlayerOrTeam') ?? null,
      Counter: integerParam(query, 'Counter'),
      Sorter: query.get('Sorter') ?? null,
      Direction: query.get('Direction') ?? null,
      DateFrom: dateEcho('DateFrom'),
      DateTo: dateEcho('DateTo'),
    };
    const set = players
      ? { name: 'LeagueGameLog', headers: PLAYER_HEADERS, rowSet: rows, floatHeaders: PLAYER_FLOATS }
      : { name: 'LeagueGameLog', headers: TEAM_HEADERS, rowSet: rows, floatHeaders: TEAM_FLOATS };
    return jsonResult(v2Body('leaguegamelog', parameters, [set]));
  },
};
