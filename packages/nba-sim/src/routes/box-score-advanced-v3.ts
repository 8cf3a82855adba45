import type { TeamGame } from '../season/game-simulation.js';
import { boxScoreSlug, nameInitial } from '../season/players.js';
import { emptyStatLine, formatMinutes, type StatLine, sumStatLines } from '../season/stat-line.js';
import { advancedStatistics } from './advanced-stats.js';
import { stringifyWithFloats } from './json-with-floats.js';
import { checkGameId, checkInteger, compact } from './param-checks.js';
import { badRequest, jsonResult, type Route } from './route.js';
import { v3Meta } from './v3-meta.js';

/** Every advanced number is a float on the wire except `minutes` (a string). */
const FLOAT_KEYS = new Set([
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
  'estimatedTeamTurnoverPercentage',
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
]);

const totalOf = (team: TeamGame): StatLine => sumStatLines([...team.lines.values()]);

function teamAdvanced(team: TeamGame, opponent: TeamGame) {
  const inputs = { team: totalOf(team), opponent: totalOf(opponent) };
  return {
    teamId: team.team.teamId,
    teamCity: team.team.city,
    teamName: team.team.name,
    teamTricode: team.team.tricode,
    teamSlug: team.team.slug,
    players: team.rows.map((r) => {
      const line = team.lines.get(r.player.personId) ?? emptyStatLine();
      return {
        personId: r.player.personId,
        firstName: r.player.firstName,
        familyName: r.player.familyName,
        nameI: nameInitial(r.player),
        playerSlug: boxScoreSlug(r.player),
        position: r.position,
        comment: r.comment,
        jerseyNum: '',
        statistics: advancedStatistics(line, r.plays ? formatMinutes(line.seconds) : '', inputs, false),
      };
    }),
    statistics: advancedStatistics(inputs.team, formatMinutes(inputs.team.seconds), inputs, true),
  };
}

function emptyTeam() {
  const zero = emptyStatLine();
  return {
    teamId: 0,
    teamCity: '',
    teamName: '',
    teamTricode: '',
    teamSlug: '',
    players: [],
    statistics: advancedStatistics(zero, '', { team: zero, opponent: zero }, true),
  };
}

/** Same game, same players as boxscoretraditionalv3; `players` + `statistics`, no starters/bench. */
export const boxScoreAdvancedV3: Route = {
  endpoint: 'boxscoreadvancedv3',
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
    const meta = v3Meta(gameId, played?.game.gameDate, 'boxscoreadvanced');
    if (!played) {
      const empty = { gameId, awayTeamId: 0, homeTeamId: 0, homeTeam: emptyTeam(), awayTeam: emptyTeam() };
      return jsonResult(stringifyWithFloats({ meta, boxScoreAdvanced: empty }, FLOAT_KEYS));
    }
    const { game, sim } = played;
    const boxScoreAdvanced = {
      gameId,
      awayTeamId: game.awayTeamId,
      homeTeamId: game.homeTeamId,
      homeTeam: teamAdvanced(sim.home, sim.away),
      awayTeam: teamAdvanced(sim.away, sim.home),
    };
    return jsonResult(stringifyWithFloats({ meta, boxScoreAdvanced }, FLOAT_KEYS));
  },
};
