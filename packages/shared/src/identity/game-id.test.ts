import { describe, expect, it } from 'vitest';
import { assertGameId, isGameId } from './game-id.js';

describe('game ids', () => {
  it('are ten digits, nothing around them', () => {
    expect(isGameId('0022400061')).toBe(true);
    expect(isGameId('0022400061 ')).toBe(false);
    expect(isGameId('22400061')).toBe(false);
    expect(isGameId(22400061)).toBe(false);
  });

  it('name the bad value when asserted', () => {
    expect(assertGameId('0042400101')).toBe('0042400101');
    expect(() => assertGameId('00224000')).toThrow('game id: expected 10 digits, got "00224000"');
  });
});
