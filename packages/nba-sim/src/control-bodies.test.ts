import { describe, expect, it } from 'vitest';
import { parseCorrectionBody, parseTodayBody } from './control-bodies.js';

describe('parseTodayBody', () => {
  it('reads a date or null', () => {
    expect(parseTodayBody({ today: '2025-01-15' })).toBe('2025-01-15');
    expect(parseTodayBody({ today: null })).toBeUndefined();
  });

  it.each([
    [{}, 'expected {"today":"YYYY-MM-DD"} or {"today":null}'],
    [[], 'expected {"today"'],
    [{ today: '2025-02-30' }, 'today: expected a date YYYY-MM-DD or null, got "2025-02-30"'],
    [{ today: 20250115 }, 'got 20250115'],
  ])('refuses %j', (body, message) => {
    expect(() => parseTodayBody(body)).toThrow(message);
  });
});

describe('parseCorrectionBody', () => {
  it('reads a game id', () => {
    expect(parseCorrectionBody({ gameId: '0022400061' })).toBe('0022400061');
  });

  it.each([
    [{ gameId: '22400061' }, 'expected {"gameId":"<10 digits>"}, got "22400061"'],
    [{ gameId: 22400061 }, 'got 22400061'],
    ['0022400061', 'got "0022400061"'],
  ])('refuses %j', (body, message) => {
    expect(() => parseCorrectionBody(body)).toThrow(message);
  });
});
