import type { Redis } from 'ioredis';
import { type ErrorKind, isErrorKind } from '../nba/index.js';
import { stateKeys } from '../queue/index.js';
import type { ItemState, PlannedEntry, StateCounters } from './item-state.js';

export interface SuccessRecord {
  readonly rows: number;
  readonly bytes: number;
  readonly attempts: number;
  readonly qualityScore?: number;
  readonly failedChecks?: readonly string[];
}

export interface FailureRecord {
  readonly kind: ErrorKind;
  readonly message: string;
  readonly attempts: number;
  /** True when no retry will follow (the job failed for good). */
  readonly final: boolean;
}

/** How many API latencies are kept for the p50/p95 figures. */
const LATENCY_SAMPLES = 1000;

/**
 * The per-season progress record in Redis (DESIGN §6): item → state, the planned items,
 * counters, and the latest API latencies.
 */
export class RedisState {
  private readonly keys: ReturnType<typeof stateKeys>;

  constructor(
    private readonly redis: Redis,
    readonly season: string,
  ) {
    this.keys = stateKeys(season);
  }

  /** Counts one NBA request that got an HTTP answer, and its latency. */
  async countRequest(responseMs?: number): Promise<void> {
    const multi = this.redis
      .multi()
      .hincrby(this.keys.counters, 'requests', 1)
      .hsetnx(this.keys.counters, 'startedAt', new Date().toISOString());
    if (responseMs !== undefined) {
      multi
        .lpush(this.keys.latencies, Math.round(responseMs))
        .ltrim(this.keys.latencies, 0, LATENCY_SAMPLES - 1);
    }
    await multi.exec();
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

  /**
   * Records that the item's game was not over when fetched: nothing was stored, and the item is
   * pending until a later run finds the game final. Never demotes a done item.
   */
  async recordNotFinal(itemId: string, reason: string, attempts: number, now: Date): Promise<void> {
    const previous = await this.getItem(itemId);
    if (previous?.status === 'done') return;
    const state: ItemState = {
      status: 'not-final',
      rows: 0,
      bytes: 0,
      attempts,
      errorMessage: reason.slice(0, 500),
      updatedAt: now.toISOString(),
    };
    await this.redis.hset(this.keys.items, itemId, JSON.stringify(state));
  }

  /** Marks failed items as pending again (they are being re-queued). */
  async clearFailures(itemIds: readonly string[]): Promise<void> {
    if (itemIds.length > 0) await this.redis.hdel(this.keys.items, ...itemIds);
  }

  /** Records the season's planned items (written by `enqueue season`; merged, never shrunk). */
  async setPlanned(entries: ReadonlyMap<string, PlannedEntry>): Promise<void> {
    if (entries.size === 0) return;
    const fields: Record<string, string> = {};
    for (const [id, entry] of entries) fields[id] = JSON.stringify(entry);
    await this.redis.hset(this.keys.planned, fields);
  }

  async getPlanned(): Promise<Map<string, PlannedEntry>> {
    const all = await this.redis.hgetall(this.keys.planned);
    return new Map(Object.entries(all).map(([id, raw]) => [id, JSON.parse(raw) as PlannedEntry]));
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
      ...(all.startedAt === undefined ? {} : { startedAt: all.startedAt }),
    };
  }

  /** The latest API latencies in milliseconds, newest first. */
  async getLatencies(): Promise<number[]> {
    return (await this.redis.lrange(this.keys.latencies, 0, -1)).map(Number);
  }
}
