import { type ErrorKind, REQUEST_NAMES, type RequestName } from '../nba/index.js';
import { parseItemId } from '../queue/index.js';
import type { FollowView } from './follow-state.js';
import type { ItemState, PlannedEntry, StateCounters } from './item-state.js';

/** Counts of one request type (DESIGN §6: planned/completed/failed/pending). */
export interface RequestProgress {
  readonly planned: number;
  readonly completed: number;
  /** Failed for good (no retry will follow). */
  readonly failed: number;
  /** Failed at least once and waiting for another attempt. */
  readonly retrying: number;
  /** Planned and neither completed nor failed for good. */
  readonly pending: number;
}

/** One game day of the season calendar. */
export interface CalendarDay {
  readonly date: string;
  readonly planned: number;
  readonly completed: number;
  readonly failed: number;
}

export interface FailedItem {
  readonly id: string;
  readonly errorClass: ErrorKind | undefined;
  readonly message: string | undefined;
  readonly attempts: number;
  readonly updatedAt: string;
}

/** The one progress object behind `planner status --json`, `/api/progress` and the checkpoint. */
export interface Progress {
  readonly season: string;
  /** Every planned season (this one included), oldest first: the dashboard's picker. */
  readonly seasons: readonly string[];
  readonly generatedAt: string;
  readonly queue: {
    readonly name: string;
    readonly paused: boolean;
    /** Why it is paused, when the product paused it (blocked API) or a person said why. */
    readonly pauseReason: string | null;
    readonly counts: Readonly<Record<string, number>>;
    /** The interval in force: the plan's, or this process's own when it is slower. */
    readonly rateLimitSeconds: number;
    /** The hourly budget (RATE_LIMIT_PER_HOUR) and when its next slot opens; null without one. */
    readonly budget: QueueBudget | null;
    /** A pause the queue heals by itself (blocked API, S3 unavailable), with its probes. */
    readonly halt: QueueHalt | null;
  };
  readonly requests: Readonly<Partial<Record<RequestName, RequestProgress>>>;
  readonly overall: RequestProgress;
  readonly totals: { readonly requests: number; readonly rows: number; readonly bytes: number };
  readonly errorsByClass: Readonly<Partial<Record<ErrorKind, number>>>;
  /**
   * Items completed per minute over the last `RATE_WINDOW_MINUTES`, or over the time since
   * `startedAt` when the run is younger (at least 15 s).
   */
  readonly ratePerMinute: number;
  /** When the season's first NBA request was counted; null before any. */
  readonly startedAt: string | null;
  readonly etaSeconds: number;
  readonly meanQualityScore: number | null;
  readonly apiLatencyMs: { readonly p50: number | null; readonly p95: number | null };
  /** Newest first, at most `MAX_FAILED_LISTED`. */
  readonly failures: readonly FailedItem[];
  readonly calendar: readonly CalendarDay[];
  /** How the season is followed (`planner follow`); null when it is not. */
  readonly follow: FollowView | null;
}

export interface QueueBudget {
  readonly perHour: number;
  readonly usedLastHour: number;
  readonly nextSlotAt: string;
}

export interface QueueHalt {
  readonly cause: 'blocked' | 'storage';
  readonly since: string;
  readonly reason: string;
  readonly probes: number;
  readonly nextProbeAt: string;
}

export interface ProgressInput {
  readonly season: string;
  readonly queueName: string;
  readonly rateLimitSeconds: number;
  readonly planned: ReadonlyMap<string, PlannedEntry>;
  readonly items: ReadonlyMap<string, ItemState>;
  readonly counters: StateCounters;
  readonly latencies: readonly number[];
  readonly queueCounts: Readonly<Record<string, number>>;
  readonly paused: boolean;
  readonly pauseReason: string | null;
  readonly budget?: QueueBudget | null;
  readonly halt?: QueueHalt | null;
  readonly seasons?: readonly string[];
  readonly follow?: FollowView | null;
}

export const RATE_WINDOW_MINUTES = 10;
export const MAX_FAILED_LISTED = 50;

/** The value at quantile `q` (0..1) of `values`, nearest-rank; null when empty. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? null;
}

function requestOf(id: string, season: string): RequestName | undefined {
  return parseItemId(id, season)?.request;
}

/** The minutes the completion rate is measured over: the window, or the run's age when shorter. */
function rateWindowMinutes(startedAt: string | undefined, now: Date): number {
  const started = startedAt === undefined ? Number.NaN : Date.parse(startedAt);
  if (Number.isNaN(started)) return RATE_WINDOW_MINUTES;
  return Math.min(RATE_WINDOW_MINUTES, Math.max(0.25, (now.getTime() - started) / 60_000));
}

/**
 * Pure: everything the status views show, from the state record and the queue's counts. Items
 * the state knows but the plan does not (a plan lost with Redis) still count.
 */
export function computeProgress(input: ProgressInput, now: Date): Progress {
  const requests: Partial<
    Record<RequestName, { planned: number; completed: number; failed: number; retrying: number }>
  > = {};
  const bump = (request: RequestName, field: 'planned' | 'completed' | 'failed' | 'retrying') => {
    const entry = requests[request] ?? { planned: 0, completed: 0, failed: 0, retrying: 0 };
    entry[field]++;
    requests[request] = entry;
  };
  const ids = new Set([...input.planned.keys(), ...input.items.keys()]);
  const calendar = new Map<string, { planned: number; completed: number; failed: number }>();
  const windowStart = now.getTime() - RATE_WINDOW_MINUTES * 60_000;
  let recent = 0;
  let qualitySum = 0;
  let qualityCount = 0;
  const failures: FailedItem[] = [];
  for (const id of ids) {
    const entry = input.planned.get(id);
    const request = entry?.request ?? requestOf(id, input.season);
    if (request === undefined) continue;
    bump(request, 'planned');
    const state = input.items.get(id);
    const day =
      entry?.gameDate === undefined
        ? undefined
        : (calendar.get(entry.gameDate) ?? { planned: 0, completed: 0, failed: 0 });
    if (day !== undefined && entry?.gameDate !== undefined) {
      day.planned++;
      calendar.set(entry.gameDate, day);
    }
    if (state === undefined) continue;
    if (state.status === 'done') {
      bump(request, 'completed');
      if (day) day.completed++;
      if (Date.parse(state.updatedAt) >= windowStart) recent++;
      if (state.qualityScore !== undefined) {
        qualitySum += state.qualityScore;
        qualityCount++;
      }
    } else if (state.status === 'failed') {
      bump(request, 'failed');
      if (day) day.failed++;
      failures.push({
        id,
        errorClass: state.errorKind,
        message: state.errorMessage,
        attempts: state.attempts,
        updatedAt: state.updatedAt,
      });
    } else if (state.status === 'retrying') {
      bump(request, 'retrying');
    }
    // 'not-final': a game not over yet, pending until a later run finds it final.
  }
  const withPending = (r: { planned: number; completed: number; failed: number; retrying: number }) => ({
    ...r,
    pending: Math.max(0, r.planned - r.completed - r.failed),
  });
  const ordered: Partial<Record<RequestName, RequestProgress>> = {};
  const overall = { planned: 0, completed: 0, failed: 0, retrying: 0 };
  for (const request of REQUEST_NAMES) {
    const r = requests[request];
    if (r === undefined) continue;
    ordered[request] = withPending(r);
    overall.planned += r.planned;
    overall.completed += r.completed;
    overall.failed += r.failed;
    overall.retrying += r.retrying;
  }
  const overallProgress = withPending(overall);
  // Over the window, or over the time the run has been going when that is shorter (a run that
  // began a minute ago has done a minute's work, not ten); at least 15 s, so the first items do
  // not make a rate no interval allows.
  const ratePerMinute = recent / rateWindowMinutes(input.counters.startedAt, now);
  // The gate allows one request per interval; a measured slower rate (retries, slow answers) wins.
  // An hourly budget caps the long-run rate below the interval's.
  const budgetSeconds = input.budget ? 3600 / input.budget.perHour : 0;
  const secondsPerItem = Math.max(
    input.rateLimitSeconds,
    budgetSeconds,
    ratePerMinute > 0 ? 60 / ratePerMinute : 0,
  );
  failures.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return {
    season: input.season,
    seasons: input.seasons ?? [input.season],
    generatedAt: now.toISOString(),
    queue: {
      name: input.queueName,
      paused: input.paused,
      pauseReason: input.pauseReason,
      counts: input.queueCounts,
      rateLimitSeconds: input.rateLimitSeconds,
      budget: input.budget ?? null,
      halt: input.halt ?? null,
    },
    requests: ordered,
    overall: overallProgress,
    totals: { requests: input.counters.requests, rows: input.counters.rows, bytes: input.counters.bytes },
    errorsByClass: input.counters.errors,
    ratePerMinute: Math.round(ratePerMinute * 100) / 100,
    startedAt: input.counters.startedAt ?? null,
    etaSeconds: Math.round(overallProgress.pending * secondsPerItem),
    meanQualityScore: qualityCount === 0 ? null : Math.round((qualitySum / qualityCount) * 10_000) / 10_000,
    apiLatencyMs: { p50: quantile(input.latencies, 0.5), p95: quantile(input.latencies, 0.95) },
    failures: failures.slice(0, MAX_FAILED_LISTED),
    follow: input.follow ?? null,
    calendar: [...calendar.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, day]) => ({ date, ...day })),
  };
}
