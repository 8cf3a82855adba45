import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { gateKeys } from './keys.js';

/**
 * The request gate of DESIGN §5, whole: the grant, the in-flight slot, its hold cap, the
 * interval every process shares and the hourly budget. Times are Redis-clock microseconds.
 *
 * A grant takes the in-flight slot (`lock`) and stamps `last`; the caller stamps `last` again at
 * the moment its request is written (`markSent`, a busy event loop can put that well after the
 * grant), and frees the slot at the answer's first byte. The slot's TTL is the hold cap, so a
 * stalled request (or a dead holder) frees it by itself. The next grant is the later of
 * last + interval and a free slot: since the slot is held across the write, no two requests,
 * from any process, leave closer than the interval.
 *
 * A grant is good for the hold cap (two intervals, at least 1 s): a caller that could not
 * write its request by then (a starved process) must not send it, but ask again (`stale`).
 * The interval and the budget are the strictest of the caller's own and the plan's (`pace`,
 * stored by the planner), read on every grant, so a planner started mid-run slows everyone at
 * once. A missing `last` means Redis lost the record (and the slot) while a request may just
 * have left, or be about to leave on a grant of up to a cap ago: the first grant after it waits
 * a cap plus an interval.
 *
 * Stamps are written with %.0f: Lua's tostring keeps 14 digits, about 100 µs of a stamp.
 * Returns [1 granted | 0 wait | -1 slot busy, granted: send stamp / else microseconds to wait,
 * effective interval, effective hourly budget (0 = none)].
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local budget = tonumber(ARGV[3])
local pace = redis.call('HMGET', KEYS[3], 'interval_us', 'per_hour')
local planned = tonumber(pace[1] or '0') or 0
if planned > interval then interval = planned end
local planned_budget = tonumber(pace[2] or '0') or 0
if planned_budget > 0 and (budget == 0 or planned_budget < budget) then budget = planned_budget end
local cap_us = math.max(1000000, 2 * interval)
local last = redis.call('GET', KEYS[2])
if not last then
  redis.call('SET', KEYS[2], string.format('%.0f', now + cap_us))
  return {0, cap_us + interval, interval, budget}
end
last = tonumber(last)
if now < last + interval then
  return {0, last + interval - now, interval, budget}
end
local busy = redis.call('PTTL', KEYS[1])
if busy > 0 then
  return {-1, busy * 1000, interval, budget}
end
if budget > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - 3600000000)
  if redis.call('ZCARD', KEYS[4]) >= budget then
    local oldest = redis.call('ZRANGE', KEYS[4], 0, 0, 'WITHSCORES')
    return {0, math.max(1, tonumber(oldest[2]) + 3600000000 - now), interval, budget}
  end
  redis.call('ZADD', KEYS[4], now, ARGV[2])
  redis.call('PEXPIRE', KEYS[4], 3660000)
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', math.floor(cap_us / 1000))
redis.call('SET', KEYS[2], string.format('%.0f', now))
return {1, now, interval, budget}
`;

/** The request is being written now: `last` moves to now (never back). Returns the stamp. */
const SENT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
if now > last then
  redis.call('SET', KEYS[1], string.format('%.0f', now))
end
return now
`;

/** Frees the in-flight slot, if it is still this grant's (the hold cap may have freed it). */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
return 1
`;

/** Pushes the next grant out: no request before now + ms (a global cool-down). */
const HOLD = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local until_ = now + tonumber(ARGV[1]) - tonumber(ARGV[2])
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > last then
  redis.call('SET', KEYS[1], string.format('%.0f', until_))
end
return 1
`;

/** How often requests may go out: the interval, and optionally a budget per 60 minutes. */
export interface GatePace {
  readonly intervalMs: number;
  readonly perHour?: number | undefined;
}

export interface RateLimitGateOptions extends GatePace {
  /** Told once whenever the plan's pace turns out stricter than this process's own. */
  readonly onStricterPace?: (own: GatePace, effective: GatePace) => void;
}

/** What a caller holds from the grant until its answer starts. */
export interface GatePass {
  /** When the grant was made, Redis clock, microseconds since the epoch. */
  readonly grantedAtUs: number;
  /**
   * True once the grant may have run out (the hold cap, less a margin, since it was asked for):
   * a request not yet written then must not be, but asked for again.
   */
  stale(): boolean;
  /**
   * Call in the same tick as the request is written (the Redis command leaves with it): stamps
   * the send in Redis. Resolves with when the write happened, Redis clock, microseconds.
   */
  markSent(): Promise<number>;
  /** The answer started, or the request failed: the next request may go. */
  release(): Promise<void>;
}

/**
 * Until when the gate grants nothing (a throttled cool-down pushed it out), as an ISO time on
 * Redis' clock, or null when the next grant is at most one interval away. Checkpoints keep it so
 * a lost Redis does not end a cool-down.
 */
export async function readCoolDownUntil(redis: Redis, intervalMs: number): Promise<string | null> {
  const [last, [seconds, micros]] = await Promise.all([redis.get(gateKeys().last), redis.time()]);
  if (last === null) return null;
  const nowUs = Number(seconds) * 1_000_000 + Number(micros);
  const nextUs = Number(last) + intervalMs * 1000;
  // Within an interval of now is the ordinary pace, not a cool-down.
  if (nextUs - nowUs <= intervalMs * 1000) return null;
  return new Date(Math.round(nextUs / 1000)).toISOString();
}

/** The budget over the last 60 minutes, as status screens show it. */
export interface BudgetStatus {
  readonly perHour: number;
  readonly usedLastHour: number;
  /** When the next request fits the budget; now when it fits already. */
  readonly nextSlotAt: Date;
}

/** Time kept in hand before a grant's cap: the send stamp must reach Redis while the slot is held. */
const STALE_MARGIN_MS = 100;
/** How close to its slot a waiter stops sleeping and starts asking back to back. */
const SPIN_US = 2_000;
const GRANTED = 1;
const SLOT_BUSY = -1;
const HOUR_US = 3_600_000_000;

type GateRedis = Redis & {
  nbaGateAcquire(
    lock: string,
    last: string,
    pace: string,
    sends: string,
    intervalUs: number,
    token: string,
    perHour: number,
  ): Promise<[number, number, number, number]>;
  nbaGateRelease(lock: string, token: string): Promise<number>;
  nbaGateSent(last: string): Promise<number>;
  nbaGateHold(last: string, holdUs: number, intervalUs: number): Promise<number>;
};

function withGateCommands(redis: Redis): GateRedis {
  const r = redis as GateRedis;
  if (typeof r.nbaGateAcquire !== 'function') {
    redis.defineCommand('nbaGateAcquire', { numberOfKeys: 4, lua: ACQUIRE });
    redis.defineCommand('nbaGateRelease', { numberOfKeys: 1, lua: RELEASE });
    redis.defineCommand('nbaGateSent', { numberOfKeys: 1, lua: SENT });
    redis.defineCommand('nbaGateHold', { numberOfKeys: 1, lua: HOLD });
  }
  return r;
}

/** The longest one request holds the in-flight slot: two intervals, at least 1 s (as ACQUIRE has it). */
export function holdCapMs(intervalMs: number): number {
  return Math.max(1_000, 2 * intervalMs);
}

/** The global gate: no two NBA requests, from any process, leave closer than the interval. */
export class RateLimitGate {
  private readonly redis: GateRedis;
  private readonly own: GatePace;
  private readonly keys = gateKeys();
  private readonly onStricterPace: RateLimitGateOptions['onStricterPace'];
  private effective: GatePace;

  constructor(redis: Redis, options: RateLimitGateOptions) {
    if (!(options.intervalMs > 0))
      throw new Error(`intervalMs: expected a number > 0, got ${options.intervalMs}`);
    this.own = { intervalMs: options.intervalMs, perHour: options.perHour };
    this.effective = this.own;
    this.onStricterPace = options.onStricterPace;
    this.redis = withGateCommands(redis);
  }

  /**
   * The interval in force: the larger of this process's own and the plan's, as of the last
   * grant or `refreshPace`. Retry delays and cool-downs are counted in it.
   */
  get intervalMs(): number {
    return this.effective.intervalMs;
  }

  /** Reads the plan's pace now (at start-up, before the first grant) and returns the one in force. */
  async refreshPace(): Promise<GatePace> {
    const effective = paceInForce(this.own, await readPlannedPace(this.redis));
    this.adopt(effective.intervalMs, effective.perHour);
    return this.effective;
  }

  /** Waits for the grant; the caller sends at once and releases at the answer's first byte. */
  async acquire(signal?: AbortSignal): Promise<GatePass> {
    const token = randomUUID();
    const intervalUs = Math.round(this.own.intervalMs * 1000);
    for (;;) {
      signal?.throwIfAborted();
      // The slot's TTL starts at the script, after this moment: a safe bound of the grant's age.
      const askedAt = performance.now();
      const [status, value, effectiveUs, perHour] = await this.redis.nbaGateAcquire(
        this.keys.lock,
        this.keys.last,
        this.keys.pace,
        this.keys.sends,
        intervalUs,
        token,
        this.own.perHour ?? 0,
      );
      this.adopt(effectiveUs / 1000, perHour > 0 ? perHour : undefined);
      if (status === GRANTED)
        return this.pass(token, value, askedAt + holdCapMs(effectiveUs / 1000) - STALE_MARGIN_MS);
      // Timers fire late by a millisecond or two: sleep until just before the slot, then ask
      // back to back, so a gap is the interval and not the interval plus timer jitter. While a
      // request is in flight its answer time is unknown: poll, at a small share of the interval.
      if (status === SLOT_BUSY) await sleep(Math.min(20, Math.max(1, effectiveUs / 100_000)), signal);
      else if (value > SPIN_US) await sleep(Math.floor((value - SPIN_US) / 1000), signal);
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** No grant before `ms` from now (at least one interval): a global cool-down after throttling. */
  async hold(ms: number): Promise<void> {
    const intervalUs = Math.round(this.intervalMs * 1000);
    await this.redis.nbaGateHold(this.keys.last, Math.max(Math.round(ms * 1000), intervalUs), intervalUs);
  }

  private pass(token: string, grantedAtUs: number, goodUntil: number): GatePass {
    let released = false;
    let sent: Promise<number> | undefined;
    return {
      grantedAtUs,
      stale: () => performance.now() >= goodUntil,
      markSent: () => {
        sent ??= this.stampSend(grantedAtUs);
        return sent;
      },
      release: async () => {
        if (released) return;
        released = true;
        await this.redis.nbaGateRelease(this.keys.lock, token);
      },
    };
  }

  /**
   * Moves `last` to Redis's now (an upper bound of the write: the command leaves with it), and
   * returns the best estimate of the write on the Redis clock: that stamp less the time its
   * reply took, never before the grant. The two agree within a reply's latency, except when
   * Redis was out of reach (the command waited in the client's offline queue).
   */
  private async stampSend(grantedAtUs: number): Promise<number> {
    const writtenAt = performance.now();
    const stampUs = await this.redis.nbaGateSent(this.keys.last);
    const waitedUs = (performance.now() - writtenAt) * 1000;
    return Math.max(grantedAtUs, Math.round(stampUs - waitedUs));
  }

  private adopt(intervalMs: number, perHour: number | undefined): void {
    const changed = intervalMs !== this.effective.intervalMs || perHour !== this.effective.perHour;
    this.effective = { intervalMs, perHour };
    const stricter =
      intervalMs > this.own.intervalMs || (perHour !== undefined && perHour !== this.own.perHour);
    if (changed && stricter) this.onStricterPace?.(this.own, this.effective);
  }
}

/** The pace in force for a process: the longer interval and the smaller budget of its own and the plan's. */
export function paceInForce(
  own: GatePace,
  planned: GatePace | undefined,
): { readonly intervalMs: number; readonly perHour: number | undefined } {
  const budgets = [own.perHour, planned?.perHour].filter((n): n is number => n !== undefined);
  return {
    intervalMs: Math.max(own.intervalMs, planned?.intervalMs ?? 0),
    perHour: budgets.length === 0 ? undefined : Math.min(...budgets),
  };
}

/** The budget as status screens and JSON carry it. */
export function budgetView(budget: BudgetStatus): {
  perHour: number;
  usedLastHour: number;
  nextSlotAt: string;
} {
  return {
    perHour: budget.perHour,
    usedLastHour: budget.usedLastHour,
    nextSlotAt: budget.nextSlotAt.toISOString(),
  };
}

/** The planner stores the pace with the plan; every process then paces by it (DESIGN §5). */
export async function storePlannedPace(redis: Redis, pace: GatePace): Promise<void> {
  const key = gateKeys().pace;
  await redis
    .multi()
    .del(key)
    .hset(key, {
      interval_us: Math.round(pace.intervalMs * 1000),
      ...(pace.perHour === undefined ? {} : { per_hour: pace.perHour }),
    })
    .exec();
}

/** The pace the plan stored, or undefined when none is stored (no plan yet, or Redis lost it). */
export async function readPlannedPace(redis: Redis): Promise<GatePace | undefined> {
  const [intervalUs, perHour] = await redis.hmget(gateKeys().pace, 'interval_us', 'per_hour');
  if (intervalUs === null) return undefined;
  return { intervalMs: Number(intervalUs) / 1000, perHour: perHour === null ? undefined : Number(perHour) };
}

/** Now on Redis' clock, in µs: the gate's stamps are on it. */
async function redisNowUs(redis: Redis): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1_000_000 + Number(micros);
}

/** The hourly budget's send stamps of the last 60 minutes (µs, Redis' clock), oldest first, and now. */
async function sendsLastHour(redis: Redis): Promise<{ stamps: number[]; nowUs: number }> {
  const nowUs = await redisNowUs(redis);
  const recent = await redis.zrangebyscore(gateKeys().sends, nowUs - HOUR_US, '+inf', 'WITHSCORES');
  return { stamps: recent.filter((_, i) => i % 2 === 1).map(Number), nowUs };
}

/**
 * The requests the hourly budget counted in the last 60 minutes, as ISO times, oldest first;
 * empty without a budget. Checkpoints keep them, so that a lost Redis does not hand the hour
 * after it a whole budget on top of what this hour already sent.
 */
export async function readSendsLastHour(redis: Redis): Promise<string[]> {
  const { stamps } = await sendsLastHour(redis);
  return stamps.map((us) => new Date(Math.floor(us / 1000)).toISOString());
}

/**
 * Puts kept sends (`readSendsLastHour` of a checkpoint) back in the budget's window, those still
 * within the hour, after a lost Redis. Each is named by its time and rank, so putting the same
 * list back twice counts it once. Returns how many are in the window from the list.
 */
export async function restoreSendsLastHour(redis: Redis, sends: readonly string[]): Promise<number> {
  const nowUs = await redisNowUs(redis);
  const kept = sends
    .map((iso) => Date.parse(iso))
    .filter((ms) => Number.isFinite(ms) && ms * 1000 > nowUs - HOUR_US && ms * 1000 <= nowUs)
    .sort((a, b) => a - b);
  if (kept.length === 0) return 0;
  const members = kept.flatMap((ms, i) => [ms * 1000, `restored:${ms}:${i}`]);
  // The window's own expiry, as the gate sets it: an hour past the newest send.
  await redis
    .multi()
    .zadd(gateKeys().sends, ...members)
    .pexpire(gateKeys().sends, 3_660_000)
    .exec();
  return kept.length;
}

/** Requests sent in the last 60 minutes and when the next one fits, for a budget of `perHour`. */
export async function readBudgetStatus(redis: Redis, perHour: number): Promise<BudgetStatus> {
  const { stamps, nowUs } = await sendsLastHour(redis);
  const usedLastHour = stamps.length;
  // The slot opens when enough of the oldest sends drop out of the window.
  const freeing = usedLastHour - perHour;
  const nextUs = freeing < 0 ? nowUs : (stamps[freeing] ?? nowUs) + HOUR_US;
  return { perHour, usedLastHour, nextSlotAt: new Date(nextUs / 1000) };
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
