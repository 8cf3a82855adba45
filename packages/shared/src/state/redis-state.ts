import type { Redis } from 'ioredis';
import { type ErrorKind, isErrorKind } from '../nba/index.js';
import { stateKeys } from '../queue/index.js';
import type { ItemState, StateCounters } from './item-state.js';

export interface SuccessRecord {
  readonly rows: number;
  readonly bytes: number;
  readonly attempts: number;
  readonly qualityScore?: number;
}

export interface FailureRecord {
  readonly kind: ErrorKind;
  readonly message: string;
  readonly attempts: number;
  /** True when no retry will follow (the job failed for good). */
  readonly final: boolean;
}

/** The per-season progress record in Redis: item → state, plus counters. */
export class RedisState {
  private readonly keys: ReturnType<typeof stateKeys>;

  constructor(
    private readonly redis: Redis,
    readonly season: string,
  ) {
    this.keys = stateKeys(season);
  }

  /** Counts one NBA request (success or not). */
  async countRequest(): Promise<void> {
    await this.redis.hincrby(this.keys.counters, 'requests', 1);
  }

  async recordSuccess(itemId: string, record: SuccessRecord, now: Date): Promise<void> {
    const state: ItemState = { status: 'done', ...record, updatedAt: now.toISOString() };
    await this.redis
      .multi()
      .hset(this.keys.items, itemId, JSON.stringify(state))
      .hincrby(this.keys.counters, 'rows', record.rows)
      .hincrby(this.keys.counters, 'bytes', record.bytes)
      .exec();
  }

  async recordFailure(itemId: string, record: FailureRecord, now: Date): Promise<void> {
    const previous = await this.getItem(itemId);
    // A late failure report must not demote an item that a parallel attempt already finished.
    if (previous?.status === 'done') return;
    const state: ItemState = {
      status: record.final ? 'failed' : 'retrying',
      rows: 0,
      bytes: 0,
      attempts: record.attempts,
      errorKind: record.kind,
      errorMessage: record.message.slice(0, 500),
      updatedAt: now.toISOString(),
    };
    await this.redis
      .multi()
      .hset(this.keys.items, itemId, JSON.stringify(state))
      .hincrby(this.keys.counters, `errors:${record.kind}`, 1)
      .exec();
  }

  /** Records how many items of each request the season has (written by `enqueue season`). */
  async setPlan(totals: Readonly<Record<string, number>>): Promise<void> {
    if (Object.keys(totals).length === 0) return;
    await this.redis.hset(this.keys.plan, totals);
  }

  async getPlan(): Promise<Record<string, number>> {
    const all = await this.redis.hgetall(this.keys.plan);
    return Object.fromEntries(Object.entries(all).map(([request, total]) => [request, Number(total)]));
  }

  async getItem(itemId: string): Promise<ItemState | undefined> {
    const raw = await this.redis.hget(this.keys.items, itemId);
    return raw === null ? undefined : (JSON.parse(raw) as ItemState);
  }

  async getItems(): Promise<Map<string, ItemState>> {
    const all = await this.redis.hgetall(this.keys.items);
    return new Map(Object.entries(all).map(([id, raw]) => [id, JSON.parse(raw) as ItemState]));
  }

  async getCounters(): Promise<StateCounters> {
    const all = await this.redis.hgetall(this.keys.counters);
    const errors: Partial<Record<ErrorKind, number>> = {};
    for (const [field, value] of Object.entries(all)) {
      const kind = field.startsWith('errors:') ? field.slice('errors:'.length) : undefined;
      if (isErrorKind(kind)) errors[kind] = Number(value);
    }
    return {
      requests: Number(all.requests ?? 0),
      rows: Number(all.rows ?? 0),
      bytes: Number(all.bytes ?? 0),
      errors,
    };
  }
}
