/**
 * The wiring above the domains: what builds the product's parts from the loaded `Config`
 * (the Bronze store, the gated NBA client) and `planner doctor`, which checks them all. Domains
 * below take their own typed options and never see `Config`.
 */
export { createBronzeStore } from './bronze-store.js';
export {
  type DoctorOptions,
  type DoctorReport,
  NBA_CHECK_MAX_TIMEOUT_MS,
  probeDate,
  runDoctor,
} from './doctor.js';
export {
  CHECK_IDS,
  CHECK_STATUSES,
  type CheckId,
  type CheckStatus,
  canStart,
  type DoctorCheck,
  doctorExitCode,
} from './doctor-verdicts.js';
export { createNbaAccess, type NbaAccessOptions } from './nba-access.js';
export { parseInfo, readRedisSettings, warnAboutRedisSettings } from './redis-settings.js';
