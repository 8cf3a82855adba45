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
  /** The requests the hourly budget counted in the last 60 minutes (ISO); empty without one. */
  readonly sentLastHour: readonly string[];
}

/** What a checkpoint keeps beyond Redis: what the stored checkpoint and S3 already cover. */
export interface CarriedState {
  /** Item ids done by the stored checkpoint or by the files on S3. */
  readonly completed: Iterable<string>;
  /** What Redis holds of the queue's control now. */
  readonly halt: HaltState | null;
  readonly coolDownUntil: string | null;
  readonly sentLastHour: readonly string[];
  /**
   * What the stored checkpoint kept of it (`carriedControlOf`), and whether Redis has lost the
   * season's record since (no plan): then its halt, cool-down, pause and failures stand until
   * `enqueue season` puts them back.
   */
  readonly stored?: { readonly control: CarriedControl; readonly lost: boolean };
}

const NOTHING_CARRIED: CarriedState = { completed: [], halt: null, coolDownUntil: null, sentLastHour: [] };

/** The window of the hourly budget whose sends a checkpoint keeps. */
const SENDS_WINDOW_MS = 3_600_000;

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
  carried: CarriedState = NOTHING_CARRIED,
): Checkpoint {
  const now = Date.parse(progress.generatedAt);
  const kept = carried.stored?.control;
  const lost = carried.stored?.lost === true ? kept : undefined;
  const done = new Set(carried.completed);
  const failed = new Map<string, Omit<FailedItem, 'updatedAt'>>();
  for (const item of lost?.failed ?? []) failed.set(item.id, item);
  for (const [id, state] of items) {
    if (state.status === 'done') done.add(id);
    else if (state.status === 'failed') {
      failed.set(id, {
        id,
        errorClass: state.errorKind,
        message: state.errorMessage,
        attempts: state.attempts,
      });
    }
  }
  const completed = [...done].sort();
  const paused = progress.queue.paused || lost?.paused === true;
  const keptCoolDown =
    lost?.coolDownUntil != null && Date.parse(lost.coolDownUntil) > now ? lost.coolDownUntil : null;
  // The same send reads as the same time from Redis and from the stored list.
  const sends = [...new Set([...(kept?.sentLastHour ?? []), ...carried.sentLastHour])]
    .filter((iso) => Date.parse(iso) > now - SENDS_WINDOW_MS)
    .sort();
  return {
    version: CHECKPOINT_VERSION,
    season: progress.season,
    time: progress.generatedAt,
    requests: progress.requests,
    completed,
    failed: [...failed.values()]
      .filter((item) => !done.has(item.id))
      .sort((a, b) => a.id.localeCompare(b.id)),
    totals: progress.totals,
    errorsByClass: progress.errorsByClass,
    ratePerMinute: progress.ratePerMinute,
    etaSeconds: progress.etaSeconds,
    meanQualityScore: progress.meanQualityScore,
    apiLatencyMs: progress.apiLatencyMs,
    paused,
    pauseReason: progress.queue.pauseReason ?? (paused ? (lost?.pauseReason ?? null) : null),
    halt: carried.halt ?? lost?.halt ?? null,
    coolDownUntil: carried.coolDownUntil ?? keptCoolDown,
    sentLastHour: sends,
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

/** What a checkpoint kept of the queue's control beyond its done items. */
export type CarriedControl = Pick<
  Checkpoint,
  'halt' | 'coolDownUntil' | 'paused' | 'pauseReason' | 'sentLastHour' | 'failed'
>;

/** The halt, pause, cool-down, budget sends and failures a checkpoint kept; empty for an older file. */
export function carriedControlOf(checkpoint: unknown): CarriedControl {
  const none = {
    halt: null,
    coolDownUntil: null,
    paused: false,
    pauseReason: null,
    sentLastHour: [],
    failed: [],
  };
  if (typeof checkpoint !== 'object' || checkpoint === null) return none;
  const c = checkpoint as Partial<Record<keyof Checkpoint, unknown>>;
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const failed = Array.isArray(c.failed)
    ? c.failed.filter(
        (f): f is Checkpoint['failed'][number] =>
          typeof f === 'object' && f !== null && typeof (f as { id?: unknown }).id === 'string',
      )
    : [];
  return {
    halt: (c.halt as HaltState | null | undefined) ?? null,
    coolDownUntil: typeof c.coolDownUntil === 'string' ? c.coolDownUntil : null,
    paused: c.paused === true,
    pauseReason: typeof c.pauseReason === 'string' ? c.pauseReason : null,
    sentLastHour: strings(c.sentLastHour),
    failed,
  };
}
