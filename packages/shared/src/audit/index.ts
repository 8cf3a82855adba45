/**
 * The audit of what is stored: `planner verify`'s use case. From the stored schedule, the files
 * each game and endpoint should have; each one read back with an independent Parquet reader and
 * checked for its columns, its row count and its quality.
 */

export type { ProblemKind, VerifyGroup, VerifyProblem } from './verify-plan.js';
export {
  type VerifyDeps,
  type VerifyOptions,
  type VerifyReport,
  type VerifySettings,
  verifySeason,
} from './verify-season.js';
