import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, progressBar, table } from './format.js';

describe('planner formatting', () => {
  it('formats durations, sizes and bars', () => {
    expect(formatDuration(2463 * 5)).toBe('3h 25m');
    expect(formatDuration(75)).toBe('1m 15s');
    expect(formatDuration(0)).toBe('0s');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(progressBar(1, 4, 8)).toBe('[##------]');
  });

  it('aligns a table', () => {
    expect(
      table([
        ['a', 1],
        ['bbb', 100],
      ]),
    ).toBe('a      1\nbbb  100');
  });
});
