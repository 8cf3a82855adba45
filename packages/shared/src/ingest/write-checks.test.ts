import { describe, expect, it } from 'vitest';
import type { Row } from '../bronze/index.js';
import { combineChecks, type QualityCheck } from '../quality/index.js';
import { partialAnswerProblems } from './write-checks.js';

const clean = combineChecks([]);
const actions = (n: number, home: number, away: number): Row[] => [
  ...Array.from({ length: n - 2 }, () => ({
    action_type: 'Rebound',
    sub_type: '',
    period: 4,
    score_home: null,
    score_away: null,
  })),
  { action_type: 'Made Shot', sub_type: '', period: 4, score_home: home, score_away: away },
  { action_type: 'period', sub_type: 'end', period: 4, score_home: home, score_away: away },
];
// A team's three rows each: its totals, its starters and its bench.
const teams = (home: number, away: number): Row[] =>
  (['team', 'starters', 'bench'] as const).flatMap((kind) => [
    { row_kind: kind, is_home: true, points: kind === 'team' ? home : 0 },
    { row_kind: kind, is_home: false, points: kind === 'team' ? away : 0 },
  ]);

describe('partialAnswerProblems', () => {
  it('passes a whole play-by-play that agrees with the stored box score and the game log', () => {
    const rows = { 'play-by-play': actions(400, 101, 99) };
    expect(
      partialAnswerProblems(
        'play-by-play',
        rows,
        clean,
        { 'box-scores-teams': teams(101, 99) },
        { home: 101, away: 99 },
      ),
    ).toEqual([]);
  });

  it('names an implausible row count', () => {
    expect(partialAnswerProblems('play-by-play', { 'play-by-play': actions(40, 101, 99) }, clean)).toEqual([
      'play-by-play: 40 rows, expected 150..1500',
    ]);
  });

  it('names a play-by-play whose last score is not the stored box score, from either side', () => {
    const pbp = { 'play-by-play': actions(400, 101, 99) };
    expect(partialAnswerProblems('play-by-play', pbp, clean, { 'box-scores-teams': teams(103, 99) })).toEqual(
      ['play-by-play against the box score: last score 101-99 (action undefined), box score 103-99'],
    );
    expect(
      partialAnswerProblems('box-score', { 'box-scores-teams': teams(103, 99) }, clean, pbp),
    ).toHaveLength(1);
  });

  it('names rows of an unfinished game when the game log said it ended', () => {
    const cut = { 'play-by-play': actions(400, 101, 99).slice(0, -1) };
    expect(partialAnswerProblems('play-by-play', cut, clean, undefined, { home: 101, away: 99 })).toEqual([
      'the game log says the game ended, but the last action (Made Shot  in period 4) does not end a period of 4 or more',
    ]);
  });

  it('treats a failed team-totals check as partial, other failed checks not', () => {
    const check = (name: string): QualityCheck => ({
      name,
      dataset: 'box-scores',
      dimension: 'consistency',
      passed: false,
      checked: 2,
      failures: 1,
      detail: 'team 1: points players 98, team 101',
    });
    const rows = { 'box-scores-teams': teams(101, 99) };
    expect(partialAnswerProblems('box-score', rows, combineChecks([check('team-totals')]))).toEqual([
      'box-scores.team-totals: team 1: points players 98, team 101',
    ]);
    expect(partialAnswerProblems('box-score', rows, combineChecks([check('points-formula')]))).toEqual([]);
  });
});
