import { describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../../test/support/nba-samples.js';
import { finalScoreOf } from '../bronze/index.js';
import { qualityMetadata } from './quality-metadata.js';
import { combineChecks, type QualityCheck } from './quality-report.js';
import { scoreDataset, scoreItem } from './score-dataset.js';

describe('quality of the real samples', () => {
  it('scores the real box score 1, bench minutes bug included', () => {
    const report = scoreItem({
      'box-scores': SAMPLE_ROWS.boxScores,
      'box-scores-teams': SAMPLE_ROWS.boxScoresTeams,
    });
    expect(report.failedChecks).toEqual([]);
    expect(report.score).toBe(1);
    // 9 player checks (team-totals included, against the team rows) + 9 team checks.
    expect(report.checks).toHaveLength(18);
    expect(report.checks.find((check) => check.name === 'team-totals')?.checked).toBe(2);
    // The API's bug is in the data: the bench repeats the starters' minutes...
    const cle = SAMPLE_ROWS.boxScoresTeams.filter((row) => row.team_tricode === 'CLE');
    expect(cle.map((row) => row.minutes)).toEqual(['265:00', '184:29', '184:29']);
    // ...and minutes_played, which the checks use, is corrected.
    expect(cle.map((row) => row.minutes_played)).toEqual([265, 11_069 / 60, (15_900 - 11_069) / 60]);
  });

  it('scores the truncated play-by-play 6/7: its action ids jump where actions were cut', () => {
    const report = scoreDataset('play-by-play', SAMPLE_ROWS.playByPlay);
    expect(report.failedChecks).toEqual(['play-by-play.action-id-sequence']);
    expect(report.score).toBe(0.8571);
    const failed = report.checks.find((check) => !check.passed);
    expect(failed).toMatchObject({ checked: 70, failures: 10 });
    expect(failed?.detail).toContain('row 60 (action 62): action_id 62, expected 61');
  });

  it('checks the truncated play-by-play against a final score when one is given', () => {
    const right = scoreDataset('play-by-play', SAMPLE_ROWS.playByPlay, {
      finalScore: { home: 116, away: 117 },
    });
    expect(right.checks).toHaveLength(8);
    expect(right.failedChecks).toEqual(['play-by-play.action-id-sequence']);
    expect(right.score).toBe(0.875);
    const wrong = scoreDataset('play-by-play', SAMPLE_ROWS.playByPlay, {
      finalScore: { home: 116, away: 118 },
    });
    expect(wrong.failedChecks).toEqual(['play-by-play.action-id-sequence', 'play-by-play.final-score']);
    expect(wrong.score).toBe(0.75);
  });

  it('scores the truncated game log 7/8: the cut left two games with one row', () => {
    const report = scoreDataset('games', SAMPLE_ROWS.games);
    expect(report.failedChecks).toEqual(['games.two-rows-per-game']);
    expect(report.score).toBe(0.875);
    expect(report.checks.find((check) => !check.passed)?.detail).toContain('game 0022500006: 1 row(s)');
  });

  it('scores the players directory and the simulated advanced box score 1', () => {
    expect(scoreDataset('players', SAMPLE_ROWS.players)).toMatchObject({ score: 1, failedChecks: [] });
    expect(scoreDataset('box-scores-advanced', SAMPLE_ROWS.boxScoresAdvanced)).toMatchObject({
      score: 1,
      failedChecks: [],
    });
  });
});

describe('scoreItem', () => {
  it('scores what one job produced together, prefixing failed checks with the dataset', () => {
    const players = SAMPLE_ROWS.boxScores.map((row, index) =>
      index === 0 ? { ...row, points: (row.points as number) + 1 } : row,
    );
    const report = scoreItem({ 'box-scores': players, 'box-scores-teams': SAMPLE_ROWS.boxScoresTeams });
    expect(report.failedChecks).toEqual(['box-scores.points-formula', 'box-scores.team-totals']);
    expect(report.score).toBe(Math.floor((16 / 18) * 10_000) / 10_000);
  });

  it('skips the cross-file checks without their context', () => {
    const alone = scoreItem({ 'box-scores': SAMPLE_ROWS.boxScores });
    expect(alone.checks.map((check) => check.name)).not.toContain('team-totals');
    expect(alone.score).toBe(1);
  });

  it('reads the final score from box-score team rows', () => {
    expect(finalScoreOf(SAMPLE_ROWS.boxScoresTeams)).toEqual({ home: 145, away: 134 });
    expect(finalScoreOf([])).toBeUndefined();
  });
});

describe('combineChecks and qualityMetadata', () => {
  const check = (name: string, passed: boolean): QualityCheck => ({
    name,
    dataset: 'games',
    dimension: 'validity',
    passed,
    checked: 1,
    failures: passed ? 0 : 1,
    detail: passed ? '' : 'bad',
  });

  it('scores the share of checks passed, rounded down to 4 decimals', () => {
    expect(combineChecks([check('a', true), check('b', true), check('c', false)]).score).toBe(0.6666);
    expect(combineChecks([check('a', true)]).score).toBe(1);
    expect(combineChecks([]).score).toBe(1);
    const almost = Array.from({ length: 100_000 }, (_, i) => check(`c${i}`, i > 0));
    expect(combineChecks(almost).score).toBe(0.9999);
  });

  it('gives S3 metadata: the score, and the failed checks when some failed', () => {
    expect(qualityMetadata(combineChecks([check('a', true)]))).toEqual({ 'quality-score': '1' });
    expect(qualityMetadata(combineChecks([check('a', true), check('b', false)]))).toEqual({
      'quality-score': '0.5',
      'quality-failed-checks': 'games.b',
    });
  });
});
