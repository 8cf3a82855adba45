import type { Redis } from 'ioredis';
import { haltClaimKey, haltKey, pauseReasonKey, streakKeys } from './keys.js';
import type { MaintenanceQueue } from './maintenance-queue.js';
import type { RequestQueue } from './request-queue.js';

/**
 * The queue heals itself after it paused for a cause it can check (DESIGN §5): the API looked
 * blocked, or S3 did not answer. A probe job on the maintenance queue waits a cool-down, then
 * checks once (one NBA request, or a put and delete on S3); an answer resumes the queue, a
 * failure doubles the cool-down up to its ceiling. A person's `planner resume` ends it at once.
 */
export type HaltCause = 'blocked' | 'storage';

/** What status screens show of a halt: since when, why, and the next probe. */
export interface HaltState {
  readonly cause: HaltCause;
  readonly since: string;
  readonly reason: string;
  readonly probes: number;
  readonly nextProbeAt: string;
  readonly coolDownMs: number;
}

/** First cool-down and ceiling of each cause's probes. */
export interface ProbeSchedule {
  readonly firstMs: number;
  readonly maxMs: number;
}

/** S3 costs nothing to ask: probe it often. */
export const STORAGE_PROBES: ProbeSchedule = Object.freeze({ firstMs: 5_000, maxMs: 30_000 });

/** The probe job on the maintenance queue. */
export interface ProbeJobData {
  readonly task: 'probe';
  readonly cause: HaltCause;
  /** The halt it belongs to: a probe of an older halt does nothing. */
  readonly since: string;
  readonly probe: number;
}

const FIELDS = ['cause', 'since', 'reason', 'probes', 'next_probe_at', 'cool_down_ms'] as const;

/** The halt in force, or undefined when the queue runs or was paused by a person. */
export async function readHalt(redis: Redis): Promise<HaltState | undefined> {
  const [cause, since, reason, probes, nextProbeAt, coolDownMs] = await redis.hmget(haltKey(), ...FIELDS);
  if ((cause !== 'blocked' && cause !== 'storage') || !since || !reason) return undefined;
  return {
    cause,
    since,
    reason,
    probes: Number(probes ?? 0),
    nextProbeAt: nextProbeAt ?? since,
    coolDownMs: Number(coolDownMs ?? 0),
  };
}

/**
 * Pauses the request queue for `cause` and schedules the first probe. Returns false (and does
 * nothing) when the queue was already halted or paused, so the first to notice owns the halt.
 */
export async function haltRequests(
  deps: { readonly redis: Redis; readonly queue: RequestQueue; readonly maintenance: MaintenanceQueue },
  cause: HaltCause,
  reason: string,
  schedule: ProbeSchedule,
  now: Date = new Date(),
): Promise<boolean> {
  // Paused already: by another worker that noticed first, or by a person (theirs to resume).
  if (await deps.queue.isPaused()) return false;
  const claimed = await deps.redis.set(haltClaimKey(), cause, 'PX', 10_000, 'NX');
  if (claimed === null) return false;
  const next = new Date(now.getTime() + schedule.firstMs);
  await deps.redis.del(haltKey());
  await deps.redis.hset(haltKey(), {
    cause,
    since: now.toISOString(),
    reason,
    probes: 0,
    next_probe_at: next.toISOString(),
    cool_down_ms: schedule.firstMs,
  });
  await deps.redis.set(pauseReasonKey(), reason);
  await deps.queue.pause();
  await scheduleProbe(
    deps.maintenance,
    { task: 'probe', cause, since: now.toISOString(), probe: 1 },
    schedule.firstMs,
  );
  return true;
}

/** A probe failed: the next one waits twice as long, up to the ceiling. Returns the new state. */
export async function probeFailed(
  deps: { readonly redis: Redis; readonly maintenance: MaintenanceQueue },
  halt: HaltState,
  schedule: ProbeSchedule,
  now: Date = new Date(),
): Promise<HaltState> {
  const coolDownMs = Math.min(schedule.maxMs, Math.max(schedule.firstMs, halt.coolDownMs * 2));
  const next: HaltState = {
    ...halt,
    probes: halt.probes + 1,
    coolDownMs,
    nextProbeAt: new Date(now.getTime() + coolDownMs).toISOString(),
  };
  await deps.redis.hset(haltKey(), {
    probes: next.probes,
    next_probe_at: next.nextProbeAt,
    cool_down_ms: coolDownMs,
  });
  await scheduleProbe(
    deps.maintenance,
    { task: 'probe', cause: halt.cause, since: halt.since, probe: next.probes + 1 },
    coolDownMs,
  );
  return next;
}

/**
 * Puts back a halt a checkpoint kept, after Redis was lost with it (`enqueue season`): the same
 * cause, start and probes, and the next probe when it was due (at once when that has passed), so a
 * ban is not ended by losing Redis. Does nothing when the queue is paused or halted already.
 */
export async function restoreHalt(
  deps: { readonly redis: Redis; readonly queue: RequestQueue; readonly maintenance: MaintenanceQueue },
  halt: HaltState,
  now: Date = new Date(),
): Promise<boolean> {
  if ((await deps.queue.isPaused()) || (await readHalt(deps.redis)) !== undefined) return false;
  await deps.redis.hset(haltKey(), {
    cause: halt.cause,
    since: halt.since,
    reason: halt.reason,
    probes: halt.probes,
    next_probe_at: halt.nextProbeAt,
    cool_down_ms: halt.coolDownMs,
  });
  await deps.redis.set(pauseReasonKey(), halt.reason);
  await deps.queue.pause();
  await scheduleProbe(
    deps.maintenance,
    { task: 'probe', cause: halt.cause, since: halt.since, probe: halt.probes + 1 },
    Math.max(0, Date.parse(halt.nextProbeAt) - now.getTime()),
  );
  return true;
}

/** Resumes the request queue and forgets the pause reason, the halt and the failure streaks. */
export async function resumeRequests(queue: RequestQueue, redis: Redis): Promise<void> {
  const streaks = streakKeys();
  await redis.del(
    pauseReasonKey(),
    haltKey(),
    haltClaimKey(),
    streaks.blocking,
    streaks.throttled,
    streaks.storage,
  );
  await queue.resume();
}

async function scheduleProbe(
  maintenance: MaintenanceQueue,
  data: ProbeJobData,
  delayMs: number,
): Promise<void> {
  await maintenance.add('probe', data, {
    jobId: `probe-${data.cause}-${Date.parse(data.since)}-${data.probe}`,
    delay: delayMs,
  });
}

export interface ProbeDeps {
  readonly redis: Redis;
  readonly queue: RequestQueue;
  readonly maintenance: MaintenanceQueue;
  /** Checks the cause once; resolves with why it still fails, or undefined when it answered. */
  readonly check: (cause: HaltCause) => Promise<string | undefined>;
  readonly schedules: Readonly<Record<HaltCause, ProbeSchedule>>;
  readonly log: {
    info(fields: object, message: string): void;
    warn(fields: object, message: string): void;
  };
  readonly now?: () => Date;
}

/**
 * Runs one probe job: a stale probe (the queue was resumed, or another halt began) does nothing;
 * an answer resumes the queue; a failure schedules the next probe.
 */
export async function runProbe(deps: ProbeDeps, job: ProbeJobData): Promise<'resumed' | 'failed' | 'stale'> {
  const now = deps.now ?? (() => new Date());
  const halt = await readHalt(deps.redis);
  if (halt === undefined || halt.cause !== job.cause || halt.since !== job.since) return 'stale';
  if (!(await deps.queue.isPaused())) {
    // Resumed behind our back (bull-board's own resume button): the halt is over.
    await resumeRequests(deps.queue, deps.redis);
    return 'stale';
  }
  const failure = await deps.check(job.cause);
  const fields = { cause: job.cause, halted_since: halt.since, probe: halt.probes + 1 };
  if (failure === undefined) {
    await resumeRequests(deps.queue, deps.redis);
    deps.log.info(
      fields,
      `probe answered: queue resumed (${job.cause === 'blocked' ? 'API' : 'S3'} is back)`,
    );
    return 'resumed';
  }
  const next = await probeFailed(deps, halt, deps.schedules[job.cause], now());
  deps.log.warn(
    { ...fields, err: failure, next_probe_at: next.nextProbeAt, cool_down_ms: next.coolDownMs },
    'probe failed: queue stays paused',
  );
  return 'failed';
}
