import { describe, expect, it } from 'vitest';
import type { Row } from '../bronze/index.js';
import { gameFinality, notFinalReason, unfinishedGameProblem } from './game-finality.js';

const action = (patch: Partial<Record<string, string | number | null>>): Row => ({
  action_type: 'Made Shot',
  sub_type: 'Jump Shot',
  period: 4,
  score_home: null,
  score_away: null,
  ...patch,
});
const ended = [
  action({ score_home: 101, score_away: 99 }),
  action({ action_type: 'period', sub_type: 'end', period: 4 }),
];
const teams = (home: number, away: number): Row[] => [
  { row_kind: 'team', is_home: true, points: home },
  { row_kind: 'team', is_home: false, points: away },
];

describe('unfinishedGameProblem', () => {
  it('passes a play-by-play that ends period 4 or later, not tied, and agrees with the game log', () => {
    expect(unfinishedGameProblem('play-by-play', { 'play-by-play': ended })).toBeUndefined();
    expect(
      unfinishedGameProblem('play-by-play', { 'play-by-play': ended }, { home: 101, away: 99 }),
    ).toBeUndefined();
    const overtime = [...ended.slice(0, 1), action({ action_type: 'period', sub_type: 'end', period: 5 })];
    expect(unfinishedGameProblem('play-by-play', { 'play-by-play': overtime })).toBeUndefined();
  });

  it('names why a play-by-play is not that of a finished game', () => {
    expect(unfinishedGameProblem('play-by-play', { 'play-by-play': [] })).toBe('no actions yet');
    expect(unfinishedGameProblem('play-by-play', { 'play-by-play': ended.slice(0, 1) })).toBe(
      'the last action (Made Shot Jump Shot in period 4) does not end a period of 4 or more',
    );
    const third = [ended[0] as Row, action({ action_type: 'period', sub_type: 'end', period: 3 })];
    expect(unfinishedGameProblem('play-by-play', { 'play-by-play': third })).toMatch(
      /in period 3\) does not end/,
    );
    const tied = [action({ score_home: 99, score_away: 99 }), ended[1] as Row];
    expect(unfinishedGameProblem('play-by-play', { 'play-by-play': tied })).toBe(
      'the score is tied 99-99 at the end of period 4',
    );
    expect(unfinishedGameProblem('play-by-play', { 'play-by-play': ended }, { home: 103, away: 99 })).toBe(
      'the play-by-play ends 101-99, the game log says 103-99',
    );
  });

  it('checks a box score against the game log when it gave the final score', () => {
    expect(unfinishedGameProblem('box-score', { 'box-scores-teams': teams(110, 104) })).toBeUndefined();
    expect(
      unfinishedGameProblem('box-score', { 'box-scores-teams': teams(110, 104) }, { home: 110, away: 104 }),
    ).toBe(undefined);
    expect(
      unfinishedGameProblem('box-score', { 'box-scores-teams': teams(80, 77) }, { home: 110, away: 104 }),
    ).toBe('the box score says 80-77, the game log 110-104');
    expect(unfinishedGameProblem('box-score', { 'box-scores-teams': teams(80, 80) })).toBe(
      'the box score is tied 80-80',
    );
    expect(unfinishedGameProblem('box-score', {})).toBe('the box score has no totals for both teams');
  });

  it("wants a whole game's player-minutes on both team rows of either box score", () => {
    const played = (home: string, away: string): Row[] => [
      { row_kind: 'starters', is_home: true, minutes: '120:00' },
      { row_kind: 'team', is_home: true, points: 110, minutes: home },
      { row_kind: 'team', is_home: false, points: 104, minutes: away },
    ];
    expect(
      unfinishedGameProblem('box-score', { 'box-scores-teams': played('240:00', '240:00') }),
    ).toBeUndefined();
    expect(
      unfinishedGameProblem('box-score', { 'box-scores-teams': played('265:00', '265:00') }),
    ).toBeUndefined();
    expect(unfinishedGameProblem('box-score', { 'box-scores-teams': played('240:00', '172:13') })).toBe(
      "the box score's away team has 172:13 player-minutes, short of a whole game's 240:00",
    );
    expect(
      unfinishedGameProblem('box-score-advanced', { 'box-scores-advanced': played('239:59', '240:00') }),
    ).toBe("the advanced box score's home team has 239:59 player-minutes, short of a whole game's 240:00");
    expect(
      unfinishedGameProblem('box-score-advanced', { 'box-scores-advanced': played('240:00', '240:00') }),
    ).toBeUndefined();
    // Another format is the format check's to name, not a sign of the game's end.
    expect(
      unfinishedGameProblem('box-score-advanced', { 'box-scores-advanced': played('240', '') }),
    ).toBeUndefined();
    expect(unfinishedGameProblem('box-score-advanced', {})).toBe(
      'the advanced box score has no totals for both teams',
    );
  });

  it('passes requests that carry no sign of the end of a game', () => {
    expect(unfinishedGameProblem('players', {})).toBeUndefined();
  });
});

describe('notFinalReason', () => {
  it('decides from the rows alone only when the game log gave no final score', () => {
    const cut = { 'play-by-play': ended.slice(0, 1) };
    expect(notFinalReason('play-by-play', cut)).toMatch(/does not end a period of 4 or more/);
    // With the game log's score the game is over: rows that disagree are a partial answer.
    expect(notFinalReason('play-by-play', cut, { home: 101, away: 99 })).toBeUndefined();
  });
});

describe('gameFinality', () => {
  const game = { gameId: '0022400061', gameDate: '2024-10-22', seasonType: 'Regular Season' as const };
  const row = (isHome: boolean, wl: string | null, pts: number): Row => ({
    game_id: '0022400061',
    is_home: isHome,
    wl,
    pts,
  });

  it('gives a game with both results its final score', () => {
    expect(gameFinality([game], [row(true, 'W', 132), row(false, 'L', 109)])).toEqual([
      { game, finalScore: { home: 132, away: 109 } },
    ]);
  });

  it('leaves a game without a result, or with one team listed, not final, with why', () => {
    expect(gameFinality([game], [row(true, null, 60), row(false, null, 58)])).toEqual([
      { game, notFinal: 'no result in the game log yet' },
    ]);
    expect(gameFinality([game], [row(true, 'W', 132)])).toEqual([
      { game, notFinal: 'the game log lists 1 of its 2 teams' },
    ]);
  });
});
