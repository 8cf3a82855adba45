import type { ErrorKind } from '../nba/index.js';

/** What a failure of each kind gets (DESIGN §5). */
export interface RetryRule {
  /** Attempts in all (first try included) before the item fails for good; 1 = fail at once. */
  readonly maxAttempts: number;
  /** First retry delay; doubles each attempt, with full jitter, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Counts toward the consecutive failures that pause the queue as blocked. */
  readonly countsAsBlocking: boolean;
  /** The whole queue cools down (every worker), not just this job. */
  readonly globalCoolDown: boolean;
}

export const RETRY_POLICY: Readonly<Record<ErrorKind, RetryRule>> = Object.freeze({
  timeout: {
    maxAttempts: 8,
    baseDelayMs: 5_000,
    maxDelayMs: 300_000,
    countsAsBlocking: true,
    globalCoolDown: false,
  },
  connection: {
    maxAttempts: 8,
    baseDelayMs: 5_000,
    maxDelayMs: 300_000,
    countsAsBlocking: true,
    globalCoolDown: false,
  },
  throttled: {
    maxAttempts: 8,
    baseDelayMs: 30_000,
    maxDelayMs: 900_000,
    countsAsBlocking: true,
    globalCoolDown: true,
  },
  server: {
    maxAttempts: 8,
    baseDelayMs: 5_000,
    maxDelayMs: 300_000,
    countsAsBlocking: false,
    globalCoolDown: false,
  },
  storage: {
    maxAttempts: 8,
    baseDelayMs: 2_000,
    maxDelayMs: 60_000,
    countsAsBlocking: false,
    globalCoolDown: false,
  },
  empty: {
    maxAttempts: 3,
    baseDelayMs: 10_000,
    maxDelayMs: 60_000,
    countsAsBlocking: false,
    globalCoolDown: false,
  },
  client: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, countsAsBlocking: false, globalCoolDown: false },
  parse: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, countsAsBlocking: false, globalCoolDown: false },
});

/** The most attempts any kind allows: the BullMQ `attempts` of every job. */
export const MAX_ATTEMPTS = Math.max(...Object.values(RETRY_POLICY).map((rule) => rule.maxAttempts));

/** True when a failure on attempt `attempt` (1-based) is the last one for its kind. */
export function isFinalAttempt(kind: ErrorKind, attempt: number): boolean {
  return attempt >= RETRY_POLICY[kind].maxAttempts;
}

/**
 * Exponential backoff with full jitter: a delay in [base·2^(n-1)/2, base·2^(n-1)], capped.
 * `random` is injected so tests are exact. `scale` shrinks every delay (tests run at 0.01).
 */
export function retryDelayMs(kind: ErrorKind, attempt: number, random: () => number, scale = 1): number {
  const rule = RETRY_POLICY[kind];
  const ceiling = Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round((ceiling / 2 + (ceiling / 2) * random()) * scale);
}
