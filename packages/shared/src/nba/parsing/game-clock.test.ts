import { describe, expect, it } from 'vitest';
import { isoDurationSeconds, playedSeconds, secondsToMinutes } from './game-clock.js';

describe('game clock', () => {
  it('reads ISO clocks with fractional seconds', () => {
    expect(isoDurationSeconds('PT11M43.00S')).toBe(703);
    expect(isoDurationSeconds('PT00M06.30S')).toBe(6.3);
    expect(isoDurationSeconds('11:43')).toBeUndefined();
  });

  it('reads played minutes as M:SS, unpadded and over 99', () => {
    expect(playedSeconds('6:30')).toBe(390);
    expect(playedSeconds('265:00')).toBe(15_900);
    expect(playedSeconds('PT37M20.00S')).toBe(2240);
    expect(playedSeconds('')).toBeUndefined();
    expect(playedSeconds('6:3')).toBeUndefined();
  });

  it('turns seconds into exact decimal minutes', () => {
    expect(secondsToMinutes(2988)).toBe(49.8);
    expect(secondsToMinutes(1149)).toBe(19.15);
  });
});
