import { describe, expect, it } from 'vitest';
import { isGameId } from '../identity/index.js';
import { itemId, parseItemId } from './item-id.js';

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
