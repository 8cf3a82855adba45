/**
 * Use cases that cross the NBA, quality and Bronze domains: from an API body to the rows and
 * metadata that are stored. The worker, the planner's schedule load and `planner rebuild` share
 * them, so a body is read the same way whichever of them reads it.
 */

export { mapBounded } from './bounded-map.js';
export {
  addItems,
  type EnqueueDeps,
  type EnqueueOptions,
  type EnqueueReport,
  type EnqueueSettings,
  enqueueSeason,
  type NotFinalGame,
} from './enqueue-season.js';
export {
  FOLLOW_LOOKBACK_DAYS,
  type FollowReport,
  type FollowSettings,
  followSeason,
} from './follow-season.js';
export { type GameFinality, gameFinality, notFinalReason, unfinishedGameProblem } from './game-finality.js';
export {
  createProcessor,
  JobFailure,
  type ProcessorDeps,
  type ProcessResult,
  STORAGE_HALT_AFTER,
} from './item-processor.js';
export { createProbeCheck, type ProbeCheckDeps } from './probe-checks.js';
export {
  type RebuildDeps,
  type RebuildOptions,
  type RebuildProblem,
  type RebuildReport,
  type RebuildSettings,
  rebuildSeason,
} from './rebuild.js';
export { type RetryFailedDeps, type RetryFailedReport, retryFailed } from './retry-failed.js';
export {
  loadSchedule,
  type ScheduleDeps,
  type ScheduleOptions,
  type ScheduleResult,
  writeGames,
} from './schedule.js';
export { itemMetadata, parseBody } from './store-item.js';
export {
  mergeScheduleRows,
  readStoredSchedule,
  type StoredSchedule,
  scheduleRawId,
} from './stored-schedule.js';
export { partialAnswerProblems } from './write-checks.js';
