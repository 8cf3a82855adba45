/**
 * Use cases that cross the NBA, quality and Bronze domains: from an API body to the rows and
 * metadata that are stored. The worker, the planner's schedule load and `planner rebuild` share
 * them, so a body is read the same way whichever of them reads it.
 */

export {
  createProcessor,
  JobFailure,
  type ProcessorDeps,
  type ProcessResult,
  STORAGE_HALT_AFTER,
} from './item-processor.js';
export { createProbeCheck, type ProbeCheckDeps } from './probe-checks.js';
export {
  loadSchedule,
  type ScheduleDeps,
  type ScheduleOptions,
  type ScheduleResult,
  writeGames,
} from './schedule.js';
export { itemMetadata, parseBody } from './store-item.js';
export { readStoredSchedule, type StoredSchedule } from './stored-schedule.js';
