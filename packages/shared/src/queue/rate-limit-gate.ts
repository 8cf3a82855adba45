import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { gateKeys } from './keys.js';

/**
 * Grants the right to send one NBA request. The lock is held from the grant until the request
 * is on its way (see the client); the release stamps that moment (Redis clock) as the last send,
 * and the next grant comes no earlier than last send + interval. So a process stalled between
 * grant and send cannot make the next request early.
 * ARGV[4] is the latest last-send the caller has seen: if Redis lost the key (FLUSHALL), the
 * callers' memory still spaces the next request.
 * Returns [1 granted, 0 not yet, -1 held by another; microseconds to wait before asking again;
 * last send seen].
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local last = math.max(tonumber(redis.call('GET', KEYS[2]) or '0'), tonumber(ARGV[4]))
if redis.call('PTTL', KEYS[1]) > 0 then
  return {-1, interval, tostring(last)}
end
if now < last + interval then
  return {0, last + interval - now, tostring(last)}
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call('SET', KEYS[2], tostring(now))
return {1, 0, tostring(now)}
`;

/** Marks the request as sent: the next grant waits a full interval from now. */
const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
if now > last then
  redis.call('SET', KEYS[2], tostring(now))
end
return tostring(now)
`;

/** Pushes the next grant out: no request before now + ms (a global cool-down). */
const HOLD = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local until_ = now + tonumber(ARGV[1]) - tonumber(ARGV[2])
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > last then
  redis.call('SET', KEYS[1], tostring(until_))
end
return 1
`;

export interface RateLimitGateOptions {
  /** Minimum spacing between two NBA requests from any process, in milliseconds. */
  readonly intervalMs: number;
  /**
   * How long a grant blocks others if its holder dies before sending.
   * @defaultValue 10000
   */
  readonly lockTtlMs?: number;
}

/** What a caller holds between grant and send; release it once the request is on the wire. */
export interface GatePass {
  release(): Promise<void>;
}

/** How close to its slot a waiter stops sleeping and starts asking back to back. */
const SPIN_US = 2_000;
/** ACQUIRE's answer when another caller holds the gate. */
const HELD = -1;

type GateRedis = Redis & {
  nbaGateAcquire(
    lock: string,
    last: string,
    intervalUs: number,
    token: string,
    ttl: number,
    floorUs: string,
  ): Promise<[number, number, string]>;
  nbaGateRelease(lock: string, last: string, token: string): Promise<string>;
  nbaGateHold(last: string, holdUs: number, intervalUs: number): Promise<number>;
};

/** The Redis gate of DESIGN §5: no two NBA requests, from any process, closer than the interval. */
export class RateLimitGate {
  readonly intervalMs: number;
  private readonly redis: GateRedis;
  private readonly lockTtlMs: number;
  private readonly keys = gateKeys();
  /** The latest last-send this process has seen, in Redis-clock microseconds (as a string). */
  private lastSeenUs = '0';

  constructor(redis: Redis, options: RateLimitGateOptions) {
    if (!(options.intervalMs > 0))
      throw new Error(`intervalMs: expected a number > 0, got ${options.intervalMs}`);
    this.intervalMs = options.intervalMs;
    this.lockTtlMs = options.lockTtlMs ?? 10_000;
    const r = redis as GateRedis;
    if (typeof r.nbaGateAcquire !== 'function') {
      redis.defineCommand('nbaGateAcquire', { numberOfKeys: 2, lua: ACQUIRE });
      redis.defineCommand('nbaGateRelease', { numberOfKeys: 2, lua: RELEASE });
      redis.defineCommand('nbaGateHold', { numberOfKeys: 1, lua: HOLD });
    }
    this.redis = r;
  }

  /** Waits until this process may send the next request. */
  async acquire(signal?: AbortSignal): Promise<GatePass> {
    const token = randomUUID();
    const intervalUs = Math.round(this.intervalMs * 1000);
    for (;;) {
      signal?.throwIfAborted();
      const [granted, waitUs, lastUs] = await this.redis.nbaGateAcquire(
        this.keys.lock,
        this.keys.last,
        intervalUs,
        token,
        this.lockTtlMs,
        this.lastSeenUs,
      );
      this.remember(lastUs);
      if (granted === 1) {
        let released = false;
        return {
          release: async () => {
            if (released) return;
            released = true;
            this.remember(await this.redis.nbaGateRelease(this.keys.lock, this.keys.last, token));
          },
        };
      }
      // Timers fire late by up to a millisecond or two; sleep until just before the slot and ask
      // again at once from there, so the gap is the interval and not the interval plus jitter.
      // While another holds the gate its release time is unknown: with a tiny interval, asking
      // back to back would only spin this process and Redis, so wait at least a millisecond.
      if (waitUs > SPIN_US) await sleep(Math.floor((waitUs - SPIN_US) / 1000), signal);
      else if (granted === HELD) await sleep(1, signal);
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private remember(lastUs: string): void {
    if (Number(lastUs) > Number(this.lastSeenUs)) this.lastSeenUs = lastUs;
  }

  /** No grant before `ms` from now (at least one interval): a global cool-down after throttling. */
  async hold(ms: number): Promise<void> {
    const holdUs = Math.round(Math.max(ms, this.intervalMs) * 1000);
    await this.redis.nbaGateHold(this.keys.last, holdUs, Math.round(this.intervalMs * 1000));
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
