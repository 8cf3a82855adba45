export {
  buildCheckpoint,
  buildDailyProgress,
  CHECKPOINT_VERSION,
  type Checkpoint,
  completedIdsOf,
  type DailyProgress,
} from './checkpoint.js';
export { type CheckpointDeps, checkpointNow } from './checkpoint-now.js';
export { type CheckpointWriterDeps, readCheckpointCompleted, writeCheckpoint } from './checkpoint-writer.js';
export { type CollectProgressDeps, collectProgress, type ProgressQueue } from './collect-progress.js';
export { formatBytes, formatDuration, formatInstant, formatUntil } from './format-figures.js';
export { type ItemStanding, type ItemStandingDeps, itemStandings } from './item-standing.js';
export type { ItemState, ItemStatus, PlannedEntry, StateCounters } from './item-state.js';
export {
  type CalendarDay,
  computeProgress,
  type FailedItem,
  MAX_FAILED_LISTED,
  type Progress,
  type ProgressInput,
  type QueueBudget,
  type QueueHalt,
  quantile,
  RATE_WINDOW_MINUTES,
  type RequestProgress,
} from './progress.js';
export { type FailureRecord, RedisState, type SuccessRecord } from './redis-state.js';
export { type PlannedItem, planSeasonItems } from './season-plan.js';
export { findStoredItems } from './stored-items.js';
