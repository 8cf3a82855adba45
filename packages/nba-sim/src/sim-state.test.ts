import { describe, expect, it } from 'vitest';
import { SimState } from './sim-state.js';

describe('SimState', () => {
  it('moves today and refuses a day that is not one', () => {
    const state = new SimState('2024-11-01');
    state.setToday('2025-01-15');
    expect(state.today).toBe('2025-01-15');
    expect(() => state.setToday('2025-02-29')).toThrow('today: expected a date YYYY-MM-DD, got "2025-02-29"');
    expect(state.today).toBe('2025-01-15');
    state.setToday(undefined);
    expect(state.today).toBeUndefined();
    expect(() => new SimState('tomorrow')).toThrow('got "tomorrow"');
  });

  it('counts corrections per game in booking order', () => {
    const state = new SimState(undefined, ['0022400062', '0022400061', '0022400062']);
    expect(state.correctionCounts()).toEqual({ '0022400062': 2, '0022400061': 1 });
    expect(Object.keys(state.correctionCounts())).toEqual(['0022400062', '0022400061']);
    expect(state.correctionsOf('0022400063')).toBe(0);
    state.clearCorrections();
    expect(state.correctionCounts()).toEqual({});
  });
});
