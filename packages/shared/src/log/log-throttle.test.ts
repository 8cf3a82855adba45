import { describe, expect, it } from 'vitest';
import { LogThrottle } from './log-throttle.js';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('LogThrottle', () => {
  it('logs the first occurrence, then at most one per interval with the count held back', () => {
    const clock = manualClock();
    const throttle = new LogThrottle({ intervalMs: 60_000, now: clock.now });
    expect(throttle.take('redis')).toEqual({ log: true, suppressed: 0, sinceMs: 0 });
    // A burst in the same millisecond, then retries every 2 s for most of a minute: all held back.
    for (let i = 0; i < 500; i++) expect(throttle.take('redis')).toEqual({ log: false });
    for (let t = 2_000; t < 60_000; t += 2_000) {
      clock.advance(2_000);
      expect(throttle.take('redis').log).toBe(false);
    }
    clock.advance(2_000); // 60 s after the first line
    expect(throttle.take('redis')).toEqual({ log: true, suppressed: 529, sinceMs: 60_000 });
    clock.advance(59_999);
    expect(throttle.take('redis')).toEqual({ log: false });
    clock.advance(1);
    expect(throttle.take('redis')).toEqual({ log: true, suppressed: 1, sinceMs: 120_000 });
  });

  it('throttles each key on its own', () => {
    const clock = manualClock();
    const throttle = new LogThrottle({ intervalMs: 1_000, now: clock.now });
    expect(throttle.take('a').log).toBe(true);
    expect(throttle.take('b').log).toBe(true);
    expect(throttle.take('a').log).toBe(false);
    clock.advance(500);
    expect(throttle.take('c').log).toBe(true);
    clock.advance(500);
    expect(throttle.take('a')).toEqual({ log: true, suppressed: 1, sinceMs: 1_000 });
    expect(throttle.take('c')).toEqual({ log: false });
  });

  it('reset ends a run: says how long it lasted, and the next occurrence logs at once', () => {
    const clock = manualClock();
    const throttle = new LogThrottle({ now: clock.now });
    expect(throttle.reset('redis')).toBeUndefined();
    expect(throttle.active('redis')).toBe(false);
    throttle.take('redis');
    throttle.take('redis');
    clock.advance(4_500);
    throttle.take('redis');
    expect(throttle.active('redis')).toBe(true);
    expect(throttle.reset('redis')).toEqual({ sinceMs: 4_500, suppressed: 2 });
    expect(throttle.active('redis')).toBe(false);
    expect(throttle.reset('redis')).toBeUndefined();
    clock.advance(1);
    expect(throttle.take('redis')).toEqual({ log: true, suppressed: 0, sinceMs: 0 });
  });

  it('defaults to one line a minute on the system clock', () => {
    const throttle = new LogThrottle();
    expect(throttle.take('x').log).toBe(true);
    expect(throttle.take('x').log).toBe(false);
  });
});
