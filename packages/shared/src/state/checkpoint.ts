import type { RequestName } from '../nba/index.js';
import { type HaltState, parseItemId } from '../queue/index.js';
import type { ItemState } from './item-state.js';
import type { FailedItem, Progress, RequestProgress } from './progress.js';

export const CHECKPOINT_VERSION = 1;

/** `backfill-state/checkpoint.json` (DESIGN §6). */
export interface Checkpoint
  extends Pick<
    Progress,
    | 'requests'
    | 'totals'
    | 'errorsByClass'
    | 'ratePerMinute'
    | 'etaSeconds'
    | 'meanQualityScore'
    | 'apiLatencyMs'
  > {
  readonly version: number;
  readonly season: string;
  readonly time: string;
  /** Every item id that is done, sorted. */
  readonly completed: readonly string[];
  /** Every item failed for good, sorted by id. */
  readonly failed: readonly Omit<FailedItem, 'updatedAt'>[];
  readonly paused: boolean;
  readonly pauseReason: string | null;
  /** The halt in force (blocked API, S3 down) with its probes, for `enqueue` after a lost Redis. */
  readonly halt: HaltState | null;
  /** Until when a throttled cool-down holds every request (ISO), or null. */
  readonly coolDownUntil: string | null;
}

/** What a checkpoint keeps beyond Redis: what the stored checkpoint and S3 already cover. */
export interface CarriedState {
  /** Item ids done by the stored checkpoint or by the files on S3. */
  readonly completed: Iterable<string>;
  readonly halt: HaltState | null;
  readonly coolDownUntil: string | null;
}

/** `backfill-state/daily-progress/date=YYYY-MM-DD/progress.json`: what that (UTC) day did. */
export interface DailyProgress {
  readonly version: number;
  readonly season: string;
  readonly date: string;
  readonly time: string;
  /** Items that finished on this day, per request type. */
  readonly completedToday: Readonly<Partial<Record<string, number>>>;
  /** Items that failed for good on this day. */
  readonly failedToday: readonly string[];
  readonly requests: Readonly<Partial<Record<RequestName, RequestProgress>>>;
  readonly totals: { readonly requests: number; readonly rows: number; readonly bytes: number };
  readonly etaSeconds: number;
}

/**
 * Pure: the checkpoint from the progress object and the item states. It never shrinks (issue
 * 14): its done items are Redis' and those `carried` (the stored checkpoint's and S3's), so a
 * Redis that lost its record cannot write an emptier checkpoint over a fuller one.
 */
export function buildCheckpoint(
  progress: Progress,
  items: ReadonlyMap<string, ItemState>,
  carried: CarriedState = { completed: [], halt: null, coolDownUntil: null },
): Checkpoint {
  const done = new Set(carried.completed);
  const failed: Omit<FailedItem, 'updatedAt'>[] = [];
  for (const [id, state] of items) {
    if (state.status === 'done') done.add(id);
    else if (state.status === 'failed') {
      failed.push({ id, errorClass: state.errorKind, message: state.errorMessage, attempts: state.attempts });
    }
  }
  const completed = [...done].sort();
  failed.sort((a, b) => a.id.localeCompare(b.id));
  return {
    version: CHECKPOINT_VERSION,
    season: progress.season,
    time: progress.generatedAt,
    requests: progress.requests,
    completed,
    failed: failed.filter((item) => !done.has(item.id)),
    totals: progress.totals,
    errorsByClass: progress.errorsByClass,
    ratePerMinute: progress.ratePerMinute,
    etaSeconds: progress.etaSeconds,
    meanQualityScore: progress.meanQualityScore,
    apiLatencyMs: progress.apiLatencyMs,
    paused: progress.queue.paused,
    pauseReason: progress.queue.pauseReason,
    halt: carried.halt,
    coolDownUntil: carried.coolDownUntil,
  };
}

/** Pure: the day's progress file for `date` (`YYYY-MM-DD`, UTC). */
export function buildDailyProgress(
  progress: Progress,
  items: ReadonlyMap<string, ItemState>,
  date: string,
): DailyProgress {
  const completedToday: Record<string, number> = {};
  const failedToday: string[] = [];
  for (const [id, state] of items) {
    if (!state.updatedAt.startsWith(date)) continue;
    const request = parseItemId(id)?.request ?? 'unknown';
    if (state.status === 'done') completedToday[request] = (completedToday[request] ?? 0) + 1;
    else if (state.status === 'failed') failedToday.push(id);
  }
  return {
    version: CHECKPOINT_VERSION,
    season: progress.season,
    date,
    time: progress.generatedAt,
    completedToday,
    failedToday: failedToday.sort(),
    requests: progress.requests,
    totals: progress.totals,
    etaSeconds: progress.etaSeconds,
  };
}

/** Item ids a checkpoint says are done; tolerant of a missing or foreign file. */
export function completedIdsOf(checkpoint: unknown, season: string): Set<string> {
  if (typeof checkpoint !== 'object' || checkpoint === null) return new Set();
  const { season: s, completed } = checkpoint as { season?: unknown; completed?: unknown };
  if (s !== season || !Array.isArray(completed)) return new Set();
  return new Set(completed.filter((id): id is string => typeof id === 'string'));
}

/** The halt, pause and cool-down a checkpoint kept; empty for a file of an older release. */
export function carriedControlOf(
  checkpoint: unknown,
): Pick<Checkpoint, 'halt' | 'coolDownUntil' | 'paused' | 'pauseReason'> {
  const none = { halt: null, coolDownUntil: null, paused: false, pauseReason: null };
  if (typeof checkpoint !== 'object' || checkpoint === null) return none;
  const c = checkpoint as Partial<Checkpoint>;
  return {
    halt: c.halt ?? null,
    coolDownUntil: typeof c.coolDownUntil === 'string' ? c.coolDownUntil : null,
    paused: c.paused === true,
    pauseReason: typeof c.pauseReason === 'string' ? c.pauseReason : null,
  };
}
