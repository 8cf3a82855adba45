/** When a throttled line may be written: the first time, then once per interval. */
export interface LogThrottleOptions {
  /** @defaultValue 60 000 (a minute) */
  readonly intervalMs?: number;
  /** The clock, injected by tests. @defaultValue `Date.now` */
  readonly now?: () => number;
}

/** What `LogThrottle.take` decided for one occurrence. */
export type ThrottleDecision =
  | {
      readonly log: true;
      /** Occurrences held back since the last line written for this key. */
      readonly suppressed: number;
      /** Milliseconds since the first occurrence of this run of the key. */
      readonly sinceMs: number;
    }
  | { readonly log: false };

interface KeyState {
  readonly firstAt: number;
  lastLoggedAt: number;
  suppressed: number;
}

/**
 * Decides which occurrences of a repeated event get a log line: the first, then at most one per
 * interval with the count held back meanwhile. Pure logic (clock injected); the caller writes.
 */
export class LogThrottle {
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly keys = new Map<string, KeyState>();

  constructor(options: LogThrottleOptions = {}) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Records one occurrence of `key` and says whether to write a line for it now. */
  take(key: string): ThrottleDecision {
    const now = this.now();
    const state = this.keys.get(key);
    if (state === undefined) {
      this.keys.set(key, { firstAt: now, lastLoggedAt: now, suppressed: 0 });
      return { log: true, suppressed: 0, sinceMs: 0 };
    }
    if (now - state.lastLoggedAt < this.intervalMs) {
      state.suppressed++;
      return { log: false };
    }
    const suppressed = state.suppressed;
    state.lastLoggedAt = now;
    state.suppressed = 0;
    return { log: true, suppressed, sinceMs: now - state.firstAt };
  }

  /** Whether `key` has occurred since it was last reset. */
  active(key: string): boolean {
    return this.keys.has(key);
  }

  /**
   * Ends the run of `key` (the outage is over) so that its next occurrence logs at once. Returns
   * how long the run lasted, or undefined when the key was not active.
   */
  reset(key: string): { readonly sinceMs: number; readonly suppressed: number } | undefined {
    const state = this.keys.get(key);
    if (state === undefined) return undefined;
    this.keys.delete(key);
    return { sinceMs: this.now() - state.firstAt, suppressed: state.suppressed };
  }
}
