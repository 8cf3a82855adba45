export {
  buildCheckpoint,
  buildDailyProgress,
  type CarriedState,
  CHECKPOINT_VERSION,
  type Checkpoint,
  carriedControlOf,
  completedIdsOf,
  type DailyProgress,
} from './checkpoint.js';
export { type CheckpointDeps, checkpointNow } from './checkpoint-now.js';
export {
  type CheckpointWriterDeps,
  readCheckpointCompleted,
  readStoredCheckpoint,
  writeCheckpoint,
} from './checkpoint-writer.js';
export { type CollectProgressDeps, collectProgress, type ProgressQueue } from './collect-progress.js';
export {
  countCorrection,
  dueRechecks,
  type FollowRun,
  type FollowView,
  markRechecksQueued,
  readFollow,
  recordFollowRun,
  rememberFollowedItems,
  startFollowing,
  stopFollowing,
} from './follow-state.js';
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
export { type RestoreControlDeps, restoreControlAfterLostRedis } from './restore-control.js';
export { type PlannedGame, type PlannedItem, planSeasonItems } from './season-plan.js';
export { addPlannedSeasons, plannedSeasons, seasonStates } from './season-registry.js';
export { findStoredItems } from './stored-items.js';
