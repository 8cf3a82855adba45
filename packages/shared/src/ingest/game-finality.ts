import { type FinalScore, finalScoreOf, lastScoreOf, minutesSeconds, type Row } from '../bronze/index.js';
import type { ParsedRows, RequestName, ScheduledGame } from '../nba/index.js';

const REGULATION_PERIODS = 4;
/** A whole game's player-minutes per team: five on the floor for four periods of 12 minutes. */
const REGULATION_PLAYER_MINUTES = 5 * REGULATION_PERIODS * 12;

/**
 * Why a game's rows are not those of a finished game, or undefined when they are (DESIGN §7,
 * issue 13): a game being played must never become a done item.
 * - play-by-play: the last action closes a period of 4 or more, with the score not tied;
 * - box score: both teams' totals are there, not tied, each with the 240:00 player-minutes of a
 *   whole game or more (a game in the 3rd period has about 170);
 * - advanced box score: both teams' rows, each with those player-minutes (it has no points);
 * - play-by-play and box score, when the game log gave the final score (`expected`): they agree
 *   with it.
 * Other requests carry no sign of the game's end and pass.
 */
export function unfinishedGameProblem(
  request: RequestName,
  rows: ParsedRows,
  expected?: FinalScore,
): string | undefined {
  if (request === 'play-by-play') return playByPlayNotFinal(rows['play-by-play'] ?? [], expected);
  if (request === 'box-score') {
    const teamRows = rows['box-scores-teams'] ?? [];
    return boxScoreNotFinal(teamRows, expected) ?? teamMinutesNotFinal(teamRows, 'box score');
  }
  if (request === 'box-score-advanced')
    return teamMinutesNotFinal(rows['box-scores-advanced'] ?? [], 'advanced box score');
  return undefined;
}

/**
 * Why the item's game is not over yet, when the job cannot know otherwise: without the game
 * log's final score (a job planned before it was carried) the rows alone decide. With it, the
 * game log says the game is over, and rows that disagree are a partial answer
 * (`partialAnswerProblems`), asked again, not a game to wait for.
 */
export function notFinalReason(
  request: RequestName,
  rows: ParsedRows,
  expected?: FinalScore,
): string | undefined {
  return expected === undefined ? unfinishedGameProblem(request, rows) : undefined;
}

function playByPlayNotFinal(actions: readonly Row[], expected: FinalScore | undefined): string | undefined {
  const last = actions.at(-1);
  if (last === undefined) return 'no actions yet';
  const period = typeof last.period === 'number' ? last.period : 0;
  if (last.action_type !== 'period' || last.sub_type !== 'end' || period < REGULATION_PERIODS)
    return `the last action (${String(last.action_type)} ${String(last.sub_type)} in period ${period}) does not end a period of 4 or more`;
  const score = lastScoreOf(actions);
  if (score === undefined) return 'no action carries a score';
  if (score.home === score.away)
    return `the score is tied ${score.home}-${score.away} at the end of period ${period}`;
  if (expected !== undefined && (score.home !== expected.home || score.away !== expected.away))
    return `the play-by-play ends ${score.home}-${score.away}, the game log says ${expected.home}-${expected.away}`;
  return undefined;
}

function boxScoreNotFinal(teamRows: readonly Row[], expected: FinalScore | undefined): string | undefined {
  const score = finalScoreOf(teamRows);
  if (score === undefined) return 'the box score has no totals for both teams';
  if (score.home === score.away) return `the box score is tied ${score.home}-${score.away}`;
  if (expected !== undefined && (score.home !== expected.home || score.away !== expected.away))
    return `the box score says ${score.home}-${score.away}, the game log ${expected.home}-${expected.away}`;
  return undefined;
}

/** A scheduled game and, when its game log rows have their result, the final score. */
export interface GameFinality {
  readonly game: ScheduledGame;
  /** Undefined until both teams' rows have a result (W/L). */
  readonly finalScore?: FinalScore;
  /** Why the game is not final yet; undefined when it is. */
  readonly notFinal?: string;
}

/**
 * Splits scheduled games into final ones (both `games` rows have W/L; their points give the
 * final score) and the others, with why. Pure.
 */
export function gameFinality(games: readonly ScheduledGame[], rows: readonly Row[]): GameFinality[] {
  const byGame = new Map<string, Row[]>();
  for (const row of rows) {
    const id = String(row.game_id);
    byGame.set(id, [...(byGame.get(id) ?? []), row]);
  }
  return games.map((game) => {
    const teams = byGame.get(game.gameId) ?? [];
    const home = teams.find((row) => row.is_home === true);
    const away = teams.find((row) => row.is_home === false);
    if (home === undefined || away === undefined)
      return { game, notFinal: `the game log lists ${teams.length} of its 2 teams` };
    if (home.wl === null || away.wl === null || home.wl === undefined || away.wl === undefined)
      return { game, notFinal: 'no result in the game log yet' };
    if (typeof home.pts !== 'number' || typeof away.pts !== 'number')
      return { game, notFinal: 'no points in the game log' };
    return { game, finalScore: { home: home.pts, away: away.pts } };
  });
}

/** Why a box score's team rows are not those of a whole game: missing, or short of minutes. */
function teamMinutesNotFinal(rows: readonly Row[], what: string): string | undefined {
  const teams = rows.filter((row) => row.row_kind === 'team');
  if (teams.length < 2) return `the ${what} has no totals for both teams`;
  for (const team of teams) {
    // A value in another format says nothing about the game's end; the format check names it.
    const seconds = typeof team.minutes === 'string' ? minutesSeconds(team.minutes) : undefined;
    if (seconds !== undefined && seconds < REGULATION_PLAYER_MINUTES * 60)
      return `the ${what}'s ${team.is_home === true ? 'home' : 'away'} team has ${team.minutes} player-minutes, short of a whole game's ${REGULATION_PLAYER_MINUTES}:00`;
  }
  return undefined;
}
