import type { Redis } from 'ioredis';
import type { ErrorKind } from '../nba/index.js';
import { pauseReasonKey, streakKeys } from './keys.js';
import type { RequestQueue } from './request-queue.js';
import { RETRY_POLICY } from './retry-policy.js';

/** Pauses the request queue (every worker stops taking jobs) and records why. */
export async function pauseRequests(queue: RequestQueue, redis: Redis, reason: string): Promise<void> {
  await redis.set(pauseReasonKey(), reason);
  await queue.pause();
}

/** Resumes the request queue and forgets the pause reason and the failure streaks. */
export async function resumeRequests(queue: RequestQueue, redis: Redis): Promise<void> {
  const streaks = streakKeys();
  await redis.del(pauseReasonKey(), streaks.blocking, streaks.throttled);
  await queue.resume();
}

export interface FailureStreak {
  /** Consecutive failures that look like blocking (timeout, connection, throttled). */
  readonly blocking: number;
  /** Consecutive throttled answers. */
  readonly throttled: number;
}

/**
 * Counts failures in a row across every worker (in Redis), so the queue can pause itself when
 * the API blocks (DESIGN §5: stats.nba.com blocks by hanging, not by refusing).
 */
export class BlockingDetector {
  private readonly keys = streakKeys();

  constructor(private readonly redis: Redis) {}

  /** A request got a good answer: the streaks end. */
  async recordSuccess(): Promise<void> {
    await this.redis.del(this.keys.blocking, this.keys.throttled);
  }

  async recordFailure(kind: ErrorKind): Promise<FailureStreak> {
    const rule = RETRY_POLICY[kind];
    const multi = this.redis.multi();
    if (rule.countsAsBlocking) multi.incr(this.keys.blocking);
    else multi.get(this.keys.blocking);
    if (kind === 'throttled') multi.incr(this.keys.throttled);
    else multi.set(this.keys.throttled, 0);
    const [[, blocking] = [null, 0], [, throttled] = [null, 0]] = (await multi.exec()) ?? [];
    return { blocking: Number(blocking ?? 0), throttled: kind === 'throttled' ? Number(throttled ?? 0) : 0 };
  }
}
