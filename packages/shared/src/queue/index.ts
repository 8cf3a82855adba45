export { itemId, jobDataProblem, parseItemId, type RequestJobData, recheckJobId } from './item-id.js';
export {
  followItemsKey,
  followKey,
  gateKeys,
  haltKey,
  MAINTENANCE_QUEUE_NAME,
  pauseReasonKey,
  plannedSeasonsKey,
  QUEUE_NAME,
  stateKeys,
  streakKeys,
} from './keys.js';
export {
  CHECKPOINT_SCHEDULER_ID,
  createMaintenanceQueue,
  FOLLOW_TIMEZONE,
  followSchedulerId,
  type MaintenanceJobData,
  type MaintenanceQueue,
  nextFollowRun,
  scheduleCheckpoints,
  scheduleFollow,
  unscheduleFollow,
} from './maintenance-queue.js';
export {
  BlockingDetector,
  type FailureStreak,
  pauseRequests,
  StorageOutageDetector,
} from './queue-control.js';
export {
  type BudgetStatus,
  budgetView,
  type GatePace,
  type GatePass,
  holdCapMs,
  paceInForce,
  RateLimitGate,
  type RateLimitGateOptions,
  readBudgetStatus,
  readCoolDownUntil,
  readPlannedPace,
  readSendsLastHour,
  restoreSendsLastHour,
  storePlannedPace,
} from './rate-limit-gate.js';
export { closeRedis, createCheckConnection, createRedisConnection, type Redis } from './redis-connection.js';
export { type ErrorEmitter, isConnectionError, RedisErrorLog } from './redis-errors.js';
export {
  applyGlobalRateLimit,
  BACKOFF_STRATEGY,
  createRequestQueue,
  REQUEST_JOB_OPTIONS,
  type RequestQueue,
} from './request-queue.js';
export {
  coolDownMs,
  isFinalAttempt,
  MAX_ATTEMPTS,
  RETRY_POLICY,
  type RetryRule,
  retryDelayMs,
} from './retry-policy.js';
export {
  type HaltCause,
  type HaltState,
  haltRequests,
  type ProbeDeps,
  type ProbeJobData,
  type ProbeSchedule,
  probeFailed,
  readHalt,
  restoreHalt,
  resumeRequests,
  runProbe,
  STORAGE_PROBES,
} from './self-healing.js';
