import { describe, expect, it } from 'vitest';
import { isGameId } from '../identity/index.js';
import { itemId, jobDataProblem, parseItemId } from './item-id.js';

describe('itemId', () => {
  it('builds colon-free ids for game and season items', () => {
    expect(itemId({ season: '2024-25', request: 'box-score', gameId: '0022400061' })).toBe(
      '2024-25.box-score.0022400061',
    );
    expect(itemId({ season: '2024-25', request: 'players' })).toBe('2024-25.players');
  });

  it('rejects a malformed game id before it reaches a key', () => {
    expect(() => itemId({ season: '2024-25', request: 'play-by-play', gameId: '22400061' })).toThrow(
      'game id: expected 10 digits, got "22400061"',
    );
    expect(isGameId('0022400061')).toBe(true);
    expect(isGameId('0022400061 ')).toBe(false);
  });

  it('parses what it builds, and nothing else', () => {
    expect(parseItemId('2024-25.box-score.0022400061')).toEqual({
      season: '2024-25',
      request: 'box-score',
      gameId: '0022400061',
    });
    expect(parseItemId('2024-25.players', '2024-25')).toEqual({ season: '2024-25', request: 'players' });
    expect(parseItemId('2024-25.players', '2023-24')).toBeUndefined();
    expect(parseItemId('2024-25.shots.0022400061')).toBeUndefined();
    expect(parseItemId('2024-25.box-score.22400061')).toBeUndefined();
    expect(parseItemId('2024-25.box-score.0022400061.x')).toBeUndefined();
  });
});

describe('jobDataProblem', () => {
  const game = {
    season: '2024-25',
    request: 'box-score',
    seasonType: 'Regular Season',
    gameId: '0022400061',
    gameDate: '2024-10-22',
  } as const;

  it('accepts what the planner makes, re-checks included', () => {
    expect(jobDataProblem('2024-25.box-score.0022400061', game)).toBeUndefined();
    expect(jobDataProblem('2024-25.players', { season: '2024-25', request: 'players' })).toBeUndefined();
    expect(
      jobDataProblem('recheck.2024-25.box-score.0022400061', { ...game, recheck: true }),
    ).toBeUndefined();
  });

  it('names the bad value and what is allowed', () => {
    expect(jobDataProblem('x', null)).toBe('job data must be an object, got null');
    expect(jobDataProblem('x', { ...game, season: '2024-26' })).toBe(
      'season: expected YYYY-YY (e.g. 2024-25), got "2024-26"',
    );
    expect(jobDataProblem('x', { ...game, request: 'schedule' })).toMatch(
      /^request: expected one of players, box-score/,
    );
    expect(jobDataProblem('x', { ...game, gameId: '22400061' })).toBe(
      'gameId: expected 10 digits (e.g. 0022400061), got "22400061"',
    );
    expect(jobDataProblem('x', { ...game, seasonType: 'Preseason' })).toBe(
      'seasonType: expected one of Regular Season, PlayIn, Playoffs, got "Preseason"',
    );
    expect(jobDataProblem('x', { ...game, gameDate: '10/22/2024' })).toBe(
      'gameDate: expected YYYY-MM-DD, got "10/22/2024"',
    );
    expect(jobDataProblem('x', { season: '2024-25', request: 'players', gameId: '0022400061' })).toBe(
      'gameId: players is not a per-game request, got "0022400061"',
    );
  });

  it('refuses a job whose id is not its item, so it cannot overwrite another item', () => {
    expect(jobDataProblem('2024-25.box-score.0022400062', game)).toBe(
      'job id: expected 2024-25.box-score.0022400061 for this data, got "2024-25.box-score.0022400062"',
    );
    expect(jobDataProblem('2024-25.box-score.0022400061', { ...game, recheck: true })).toMatch(
      /^job id: expected recheck\.2024-25\.box-score\.0022400061/,
    );
  });
});
