import { describe, expect, it } from 'vitest';
import { isFinalAttempt, MAX_ATTEMPTS, RETRY_POLICY, retryDelayMs } from './retry-policy.js';

describe('retry policy', () => {
  it('fails client and parse errors at once and empty answers after three tries', () => {
    expect(isFinalAttempt('client', 1)).toBe(true);
    expect(isFinalAttempt('parse', 1)).toBe(true);
    expect(isFinalAttempt('empty', 2)).toBe(false);
    expect(isFinalAttempt('empty', 3)).toBe(true);
    expect(isFinalAttempt('timeout', 7)).toBe(false);
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it('backs off exponentially with jitter up to a cap', () => {
    expect(retryDelayMs('server', 1, () => 0)).toBe(2_500);
    expect(retryDelayMs('server', 1, () => 1)).toBe(5_000);
    expect(retryDelayMs('server', 3, () => 1)).toBe(20_000);
    expect(retryDelayMs('server', 20, () => 1)).toBe(RETRY_POLICY.server.maxDelayMs);
    expect(retryDelayMs('server', 3, () => 0.5, 0.01)).toBe(150);
  });
});
