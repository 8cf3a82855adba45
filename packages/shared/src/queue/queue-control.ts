import type { Redis } from 'ioredis';
import type { ErrorKind } from '../nba/index.js';
import { haltKey, pauseReasonKey, streakKeys } from './keys.js';
import type { RequestQueue } from './request-queue.js';
import { RETRY_POLICY } from './retry-policy.js';

/**
 * Pauses the request queue (every worker stops taking jobs) and records why. A person's pause
 * ends any halt in force, so no probe resumes the queue behind their back.
 */
export async function pauseRequests(queue: RequestQueue, redis: Redis, reason: string): Promise<void> {
  await redis.multi().set(pauseReasonKey(), reason).del(haltKey()).exec();
  await queue.pause();
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

  /** A request got an answer: the streaks end. */
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

/**
 * Counts S3 failures in a row across every worker: a run of them means S3 is down, and the queue
 * stops fetching bodies it could not store.
 */
export class StorageOutageDetector {
  private readonly key = streakKeys().storage;

  constructor(private readonly redis: Redis) {}

  async recordSuccess(): Promise<void> {
    await this.redis.del(this.key);
  }

  /** Returns the failures in a row, this one included. */
  async recordFailure(): Promise<number> {
    return this.redis.incr(this.key);
  }
}
