import { type FinalScore, finalScoreOf, finalScoreOutcome } from '../bronze/index.js';
import type { ParsedRows, RequestName } from '../nba/index.js';
import { implausibleRowCount, type QualityReport } from '../quality/index.js';
import { unfinishedGameProblem } from './game-finality.js';

/** The quality checks whose failure means the answer is partial, not just imperfect. */
const HARD_CHECKS = new Set(['box-scores.team-totals']);

/**
 * Why an answer looks partial (issue 14), or an empty list: a file whose row count is not
 * plausible for one game (or one season's players), a box score whose players do not add up to
 * its team totals, and a play-by-play whose last score is not the box score's when both are there
 * (`counterpart`: the other of the two, as stored), and rows of an unfinished game, or of
 * another score, when the game log said the game ended with `expected`. Other failed checks only
 * lower the quality score. Pure.
 */
export function partialAnswerProblems(
  request: RequestName,
  rows: ParsedRows,
  quality: QualityReport,
  counterpart?: ParsedRows,
  expected?: FinalScore,
): string[] {
  const problems: string[] = [];
  const unfinished = expected === undefined ? undefined : unfinishedGameProblem(request, rows, expected);
  if (unfinished !== undefined) problems.push(`the game log says the game ended, but ${unfinished}`);
  for (const [dataset, datasetRows] of Object.entries(rows) as [
    keyof ParsedRows,
    ParsedRows[keyof ParsedRows],
  ][]) {
    if (dataset === 'games' || datasetRows === undefined) continue;
    const implausible = implausibleRowCount(dataset, datasetRows.length);
    if (implausible !== undefined) problems.push(`${dataset}: ${implausible}`);
  }
  for (const check of quality.checks) {
    if (!check.passed && HARD_CHECKS.has(`${check.dataset}.${check.name}`))
      problems.push(`${check.dataset}.${check.name}: ${check.detail}`);
  }
  const [actions, teams] =
    request === 'play-by-play'
      ? [rows['play-by-play'], counterpart?.['box-scores-teams']]
      : request === 'box-score'
        ? [counterpart?.['play-by-play'], rows['box-scores-teams']]
        : [undefined, undefined];
  const boxScore = teams === undefined ? undefined : finalScoreOf(teams);
  if (actions !== undefined && boxScore !== undefined) {
    const outcome = finalScoreOutcome(actions, boxScore);
    if (outcome.failures > 0)
      problems.push(`play-by-play against the box score: ${outcome.examples.join('; ')}`);
  }
  return problems;
}

/** The request whose stored body a write-time check compares with: the game's other half. */
export function counterpartOf(request: RequestName): RequestName | undefined {
  if (request === 'play-by-play') return 'box-score';
  if (request === 'box-score') return 'play-by-play';
  return undefined;
}
