import { describe, expect, it } from 'vitest';
import { coolDownMs, isFinalAttempt, MAX_ATTEMPTS, retryDelayMs } from './retry-policy.js';

describe('retry policy', () => {
  it('fails client and parse errors at once and empty answers after three tries', () => {
    expect(isFinalAttempt('client', 1)).toBe(true);
    expect(isFinalAttempt('parse', 1)).toBe(true);
    expect(isFinalAttempt('empty', 2)).toBe(false);
    expect(isFinalAttempt('empty', 3)).toBe(true);
    expect(isFinalAttempt('timeout', 7)).toBe(false);
    expect(isFinalAttempt('timeout', 8)).toBe(true);
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it('backs off exponentially in intervals, with jitter, up to a cap', () => {
    expect(retryDelayMs('server', 1, 5_000, () => 0)).toBe(2_500);
    expect(retryDelayMs('server', 1, 5_000, () => 1)).toBe(5_000);
    expect(retryDelayMs('server', 3, 5_000, () => 1)).toBe(20_000);
    expect(retryDelayMs('server', 20, 5_000, () => 1)).toBe(300_000);
    expect(retryDelayMs('timeout', 2, 50, () => 0.5)).toBe(75);
  });

  it('cools down for Retry-After, else exponentially, never below the interval', () => {
    expect(coolDownMs(1, 5_000, undefined)).toBe(30_000);
    expect(coolDownMs(3, 5_000, undefined)).toBe(120_000);
    expect(coolDownMs(30, 5_000, undefined)).toBe(900_000);
    expect(coolDownMs(1, 5_000, 120)).toBe(120_000);
    expect(coolDownMs(1, 5_000, 0)).toBe(5_000);
  });
});
