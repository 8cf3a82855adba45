import type { ErrorKind, RequestName, SeasonType } from '../nba/index.js';

/**
 * Where an item stands in the progress record. `not-final`: the game was not over when fetched
 * (nothing was stored; `errorMessage` says why); a later run fetches it again.
 */
export type ItemStatus = 'done' | 'failed' | 'retrying' | 'not-final';

/** One item's entry in the per-season progress record (DESIGN §6). */
export interface ItemState {
  readonly status: ItemStatus;
  /** Rows written over all datasets of the item. */
  readonly rows: number;
  /** Bytes stored (Parquet + raw). */
  readonly bytes: number;
  readonly attempts: number;
  readonly errorKind?: ErrorKind;
  readonly errorMessage?: string;
  readonly qualityScore?: number;
  /** Names of the quality checks that failed, when any did. */
  readonly failedChecks?: readonly string[];
  /** ISO time of the last change. */
  readonly updatedAt: string;
}

/** Season-wide counters kept beside the items. */
export interface StateCounters {
  readonly requests: number;
  readonly rows: number;
  readonly bytes: number;
  readonly errors: Readonly<Partial<Record<ErrorKind, number>>>;
  /** When the season's first NBA request was counted (ISO): how long the run has been going. */
  readonly startedAt?: string;
}

/** One planned item, as `enqueue season` records it (the calendar and ETA come from these). */
export interface PlannedEntry {
  readonly request: RequestName;
  readonly gameDate?: string;
  readonly seasonType?: SeasonType;
}
