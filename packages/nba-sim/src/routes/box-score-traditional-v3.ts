import type { TeamGame } from '../season/game-simulation.js';
import { boxScoreSlug, nameInitial } from '../season/players.js';
import {
  emptyStatLine,
  formatMinutes,
  percentage,
  type StatLine,
  sumStatLines,
} from '../season/stat-line.js';
import { stringifyWithFloats } from './json-with-floats.js';
import { checkGameId, checkInteger, compact } from './param-checks.js';
import { badRequest, jsonResult, type Route } from './route.js';
import { v3Meta } from './v3-meta.js';

const FLOAT_KEYS = new Set([
  'fieldGoalsPercentage',
  'threePointersPercentage',
  'freeThrowsPercentage',
  'plusMinusPoints',
]);

/** V3 `statistics` in wire order; `starters`/`bench` have the same fields without plusMinusPoints. */
function statistics(line: StatLine, minutes: string, plusMinus: number | undefined) {
  return {
    minutes,
    fieldGoalsMade: line.fgm,
    fieldGoalsAttempted: line.fga,
    fieldGoalsPercentage: percentage(line.fgm, line.fga),
    threePointersMade: line.fg3m,
    threePointersAttempted: line.fg3a,
    threePointersPercentage: percentage(line.fg3m, line.fg3a),
    freeThrowsMade: line.ftm,
    freeThrowsAttempted: line.fta,
    freeThrowsPercentage: percentage(line.ftm, line.fta),
    reboundsOffensive: line.oreb,
    reboundsDefensive: line.dreb,
    reboundsTotal: line.oreb + line.dreb,
    assists: line.ast,
    steals: line.stl,
    blocks: line.blk,
    turnovers: line.tov,
    foulsPersonal: line.pf,
    points: line.pts,
    plusMinusPoints: plusMinus,
  };
}

function teamBox(team: TeamGame, opponentPoints: number) {
  const lineOf = (personId: number) => team.lines.get(personId) ?? emptyStatLine();
  const starters = sumStatLines(team.rows.slice(0, 5).map((r) => lineOf(r.player.personId)));
  const bench = sumStatLines(team.rows.slice(5).map((r) => lineOf(r.player.personId)));
  const total = sumStatLines(team.rows.map((r) => lineOf(r.player.personId)));
  const startersMinutes = formatMinutes(starters.seconds);
  return {
    teamId: team.team.teamId,
    teamCity: team.team.city,
    teamName: team.team.name,
    teamTricode: team.team.tricode,
    teamSlug: team.team.slug,
    players: team.rows.map((r) => {
      const line = lineOf(r.player.personId);
      return {
        personId: r.player.personId,
        firstName: r.player.firstName,
        familyName: r.player.familyName,
        nameI: nameInitial(r.player),
        playerSlug: boxScoreSlug(r.player),
        position: r.position,
        comment: r.comment,
        jerseyNum: '',
        statistics: statistics(line, r.plays ? formatMinutes(line.seconds) : '', line.plusMinus),
      };
    }),
    statistics: statistics(total, formatMinutes(total.seconds), team.points - opponentPoints),
    starters: statistics(starters, startersMinutes, undefined),
    // Reproduces the real API's bug: bench.minutes repeats starters.minutes.
    bench: statistics(bench, startersMinutes, undefined),
  };
}

/** What the simulator answers for a well-formed id that is not a game: 200 with no teams or players. */
function emptyTeam() {
  const zero = emptyStatLine();
  return {
    teamId: 0,
    teamCity: '',
    teamName: '',
    teamTricode: '',
    teamSlug: '',
    players: [],
    statistics: statistics(zero, '', 0),
    starters: statistics(zero, '', undefined),
    bench: statistics(zero, '', undefined),
  };
}

export const boxScoreTraditionalV3: Route = {
  endpoint: 'boxscoretraditionalv3',
  fullTtl: '300.000',
  dataSource: 'S3',
  keyParams: ['GameID'],
  handle(query, ctx) {
    const errors = compact([
      checkGameId(query),
      ...['StartPeriod', 'EndPeriod', 'StartRange', 'EndRange', 'RangeType'].map((k) =>
        checkInteger(query, k),
      ),
    ]);
    if (errors.length > 0) return badRequest(errors);
    const gameId = query.get('GameID') ?? '';
    const played = ctx.lookupGame(gameId);
    const meta = v3Meta(gameId, played?.game.gameDate, 'boxscoretraditional');
    if (!played) {
      const empty = { gameId, awayTeamId: 0, homeTeamId: 0, homeTeam: emptyTeam(), awayTeam: emptyTeam() };
      return jsonResult(stringifyWithFloats({ meta, boxScoreTraditional: empty }, FLOAT_KEYS));
    }
    const { game, sim } = played;
    const boxScoreTraditional = {
      gameId,
      awayTeamId: game.awayTeamId,
      homeTeamId: game.homeTeamId,
      homeTeam: teamBox(sim.home, sim.away.points),
      awayTeam: teamBox(sim.away, sim.home.points),
    };
    return jsonResult(stringifyWithFloats({ meta, boxScoreTraditional }, FLOAT_KEYS));
  },
};
