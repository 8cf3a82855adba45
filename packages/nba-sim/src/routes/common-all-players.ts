import { directoryCode, type HistoricalPlayer, type Player } from '../season/players.js';
import type { Season } from '../season/season.js';
import { TEAMS } from '../season/teams.js';
import { v2Body } from './json-with-floats.js';
import { checkLeagueId, checkPattern, checkSeason, compact } from './param-checks.js';
import { badRequest, jsonResult, type Route } from './route.js';

const HEADERS = [
  'PERSON_ID',
  'DISPLAY_LAST_COMMA_FIRST',
  'DISPLAY_FIRST_LAST',
  'ROSTERSTATUS',
  'FROM_YEAR',
  'TO_YEAR',
  'PLAYERCODE',
  'PLAYER_SLUG',
  'TEAM_ID',
  'TEAM_CITY',
  'TEAM_NAME',
  'TEAM_ABBREVIATION',
  'TEAM_CODE',
  'TEAM_SLUG',
  'GAMES_PLAYED_FLAG',
  'OTHERLEAGUE_EXPERIENCE_CH',
];

type Row = (string | number | null)[];

function rosteredRows(season: Season): Row[] {
  return TEAMS.flatMap((team) =>
    (season.rosters.byTeam.get(team.teamId) ?? []).map((p: Player) => {
      const code = directoryCode(p);
      return [
        p.personId,
        `${p.familyName}, ${p.firstName}`,
        `${p.firstName} ${p.familyName}`,
        1,
        String(p.fromYear),
        String(season.startYear),
        code,
        code,
        team.teamId,
        team.city,
        team.name,
        team.tricode,
        team.slug,
        team.slug,
        'Y',
        p.otherLeague,
      ];
    }),
  );
}

function historicalRows(players: readonly HistoricalPlayer[]): Row[] {
  return players.map((p) => {
    const code = directoryCode(p);
    return [
      p.personId,
      `${p.familyName}, ${p.firstName}`,
      `${p.firstName} ${p.familyName}`,
      0,
      String(p.fromYear),
      String(p.toYear),
      p.histAdd ? `HISTADD_${code}` : code,
      code,
      0,
      '',
      '',
      '',
      '',
      null,
      p.gamesPlayed ? 'Y' : 'N',
      '00',
    ];
  });
}

const sortKey = (row: Row) =>
  String(row[1])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The player directory. `IsOnlyCurrentSeason=1`: the asked (served) season's rostered players
 * (ROSTERSTATUS 1); `0` adds generated historical players (TEAM_ID 0, TEAM_SLUG null). For a season
 * that is not served, only the historical rows (the first season's) exist. Sorted by last name.
 * `today` changes nothing here: rosters are known before the season starts.
 */
export const commonAllPlayers: Route = {
  endpoint: 'commonallplayers',
  fullTtl: '7200.000',
  dataSource: 'Databricks',
  keyParams: ['LeagueID', 'Season', 'IsOnlyCurrentSeason'],
  handle(query, ctx) {
    const errors = compact([
      checkLeagueId(query),
      checkSeason(query, true),
      checkPattern(query, 'IsOnlyCurrentSeason', /^[01]$/, '^[01]$', false),
    ]);
    if (errors.length > 0) return badRequest(errors);
    const onlyCurrent = query.get('IsOnlyCurrentSeason') === '1';
    const nba = query.get('LeagueID') === '00';
    const served = ctx.season(query.get('Season') ?? '');
    const current = nba && served ? rosteredRows(served.season) : [];
    const directory = (served ?? ctx.firstSeason).season.rosters.historical;
    const historical = nba && !onlyCurrent ? historicalRows(directory) : [];
    const keyed = [...current, ...historical].map((row) => ({ row, key: sortKey(row) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : Number(a.row[0]) - Number(b.row[0])));
    const parameters = {
      LeagueID: query.get('LeagueID') ?? null,
      Season: query.get('Season') ?? null,
      IsOnlyCurrentSeason: onlyCurrent ? 1 : 0,
    };
    const rowSet = keyed.map((k) => k.row);
    return jsonResult(
      v2Body('commonallplayers', parameters, [{ name: 'CommonAllPlayers', headers: HEADERS, rowSet }]),
    );
  },
};
