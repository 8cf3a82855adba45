import type { ErrorKind } from '../nba/index.js';

/**
 * What a failure of each kind gets (DESIGN §5). Delays are in multiples of the rate-limit
 * interval, so the policy keeps its shape at the real 5 s (first retry of a timeout after 5-10 s,
 * a throttle cool-down of 30 s growing to 15 min) and at the 0.05 s that tests use.
 */
export interface RetryRule {
  /** Attempts in all (first try included) before the item fails for good; 1 = fail at once. */
  readonly maxAttempts: number;
  /** First retry delay in intervals; doubles each attempt, with jitter, up to `maxIntervals`. */
  readonly baseIntervals: number;
  readonly maxIntervals: number;
  /** Counts toward the consecutive failures that pause the queue as blocked. */
  readonly countsAsBlocking: boolean;
  /** The whole queue cools down (every worker), not just this job. */
  readonly globalCoolDown: boolean;
}

export const RETRY_POLICY: Readonly<Record<ErrorKind, RetryRule>> = Object.freeze({
  timeout: {
    maxAttempts: 8,
    baseIntervals: 1,
    maxIntervals: 60,
    countsAsBlocking: true,
    globalCoolDown: false,
  },
  connection: {
    maxAttempts: 8,
    baseIntervals: 1,
    maxIntervals: 60,
    countsAsBlocking: true,
    globalCoolDown: false,
  },
  throttled: {
    maxAttempts: 8,
    baseIntervals: 6,
    maxIntervals: 180,
    countsAsBlocking: true,
    globalCoolDown: true,
  },
  server: {
    maxAttempts: 8,
    baseIntervals: 1,
    maxIntervals: 60,
    countsAsBlocking: false,
    globalCoolDown: false,
  },
  storage: {
    maxAttempts: 8,
    baseIntervals: 0.5,
    maxIntervals: 12,
    countsAsBlocking: false,
    globalCoolDown: false,
  },
  state: {
    maxAttempts: 8,
    baseIntervals: 0.5,
    maxIntervals: 12,
    countsAsBlocking: false,
    globalCoolDown: false,
  },
  empty: {
    maxAttempts: 3,
    baseIntervals: 2,
    maxIntervals: 12,
    countsAsBlocking: false,
    globalCoolDown: false,
  },
  client: {
    maxAttempts: 1,
    baseIntervals: 0,
    maxIntervals: 0,
    countsAsBlocking: false,
    globalCoolDown: false,
  },
  /**
   * An answer that looks cut short (implausible rows, team totals that do not add up): the API
   * may still be assembling it, so it is asked again a few times, a minute apart at 5 s.
   */
  partial: {
    maxAttempts: 3,
    baseIntervals: 12,
    maxIntervals: 48,
    countsAsBlocking: false,
    globalCoolDown: false,
  },
  parse: {
    maxAttempts: 1,
    baseIntervals: 0,
    maxIntervals: 0,
    countsAsBlocking: false,
    globalCoolDown: false,
  },
});

/** The most attempts any kind allows: the BullMQ `attempts` of every job. */
export const MAX_ATTEMPTS = Math.max(...Object.values(RETRY_POLICY).map((rule) => rule.maxAttempts));

/** True when a failure on attempt `attempt` (1-based) is the last one for its kind. */
export function isFinalAttempt(kind: ErrorKind, attempt: number): boolean {
  return attempt >= RETRY_POLICY[kind].maxAttempts;
}

/**
 * Exponential backoff with jitter: a delay in [ceiling/2, ceiling] where the ceiling is
 * base·2^(attempt-1) intervals, capped. `random` is injected so tests are exact.
 */
export function retryDelayMs(
  kind: ErrorKind,
  attempt: number,
  intervalMs: number,
  random: () => number,
): number {
  const rule = RETRY_POLICY[kind];
  const ceiling =
    Math.min(rule.maxIntervals, rule.baseIntervals * 2 ** Math.max(0, attempt - 1)) * intervalMs;
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * How long every worker holds off after a throttled answer: the server's Retry-After when it
 * gave one, else exponential in the number of throttles in a row; never shorter than the interval.
 */
export function coolDownMs(
  throttlesInARow: number,
  intervalMs: number,
  retryAfterSeconds: number | undefined,
): number {
  const rule = RETRY_POLICY.throttled;
  const exponential =
    Math.min(rule.maxIntervals, rule.baseIntervals * 2 ** Math.max(0, throttlesInARow - 1)) * intervalMs;
  const wanted = retryAfterSeconds === undefined ? exponential : retryAfterSeconds * 1000;
  return Math.max(intervalMs, Math.round(wanted));
}
