/**
 * What the dashboard lets bull-board 9.10.1 change: an allowlist keyed by the route pattern
 * bull-board matched (so no URL spelling can slip past). Every route that changes state is
 * listed with a decision; one bull-board adds later is refused until someone decides
 * (board-allowlist.test.ts walks bull-board's own route table and fails on a route not listed).
 *
 * Allowed: retrying failed jobs (one or all), promoting delayed jobs, pausing and resuming, and
 * cleaning failed jobs. Everything else could undo what the planner queued, fetch finished
 * items again from the NBA API, or lift the global rate limit that protects it (DESIGN §5).
 */

/** A decided route: allowed, allowed for failed jobs only, or refused with its reason. */
export type BoardRule =
  | { readonly kind: 'allow' }
  /** Allowed when the job `:jobId` is failed; `otherwise` is the reason it is refused. */
  | { readonly kind: 'failed-job'; readonly otherwise: string }
  /** Allowed when `:queueStatus` is `failed`. */
  | { readonly kind: 'failed-status'; readonly otherwise: string }
  | { readonly kind: 'refuse'; readonly reason: string };

export const READ_ONLY = 'this dashboard is read-only (DASHBOARD_READ_ONLY=true)';
export const RATE_LIMIT =
  'the global rate limit protects the NBA API: it is set from RATE_LIMIT_SECONDS and cannot be changed or released here';
export const CONCURRENCY =
  'concurrency is set by WORKER_CONCURRENCY and the global rate limit, not from the dashboard';
export const RETRY_FAILED_ONLY =
  'retrying completed jobs would fetch them again from the NBA API: only failed jobs can be retried here';
export const CLEAN_FAILED_ONLY =
  'only failed jobs can be cleaned here: removing waiting, delayed, active or completed jobs would drop items the planner queued';
export const ADD =
  'adding jobs is for `pnpm planner enqueue season`: a job added here could overwrite a stored file or mark the wrong item done';
export const EDIT_DATA =
  "editing a job's data could make it fetch or overwrite the wrong item: jobs are made by `pnpm planner enqueue season`";
export const REORDER =
  "changing a job's delay or priority is not allowed from the dashboard: the global rate limit paces the jobs as queued";
export const CHILDREN = "removing a job's unprocessed children is not allowed from the dashboard";
export const EMPTY =
  'emptying the queue would delete every job still to run: not allowed from the dashboard (pause the queue instead)';
export const OBLITERATE =
  'obliterating the queue would delete its jobs and its global rate limit: not allowed from the dashboard';
export const SCHEDULERS =
  'job schedulers (checkpoints, `pnpm planner follow`) are set by the workers and the planner: they cannot be changed, removed or run here';
export const PURGE_HISTORY = 'purging the metrics history is not allowed from the dashboard';

const allow: BoardRule = { kind: 'allow' };
const refuse = (reason: string): BoardRule => ({ kind: 'refuse', reason });

/** Every bull-board route that changes state, by `method route pattern` (bull-board's spelling). */
export const BOARD_RULES: Readonly<Record<string, BoardRule>> = {
  'put /api/queues/pause': allow,
  'put /api/queues/resume': allow,
  'put /api/queues/:queueName/pause': allow,
  'put /api/queues/:queueName/resume': allow,
  'put /api/queues/:queueName/promote': allow,
  'put /api/queues/:queueName/:jobId/promote': allow,
  'put /api/queues/:queueName/:jobId/retry': { kind: 'failed-job', otherwise: RETRY_FAILED_ONLY },
  'put /api/queues/:queueName/retry/:queueStatus': { kind: 'failed-status', otherwise: RETRY_FAILED_ONLY },
  'put /api/queues/:queueName/:jobId/clean': { kind: 'failed-job', otherwise: CLEAN_FAILED_ONLY },
  'put /api/queues/:queueName/clean/:queueStatus': { kind: 'failed-status', otherwise: CLEAN_FAILED_ONLY },
  'post /api/queues/:queueName/add': refuse(ADD),
  'patch /api/queues/:queueName/:jobId/update-data': refuse(EDIT_DATA),
  'patch /api/queues/:queueName/:jobId/delay': refuse(REORDER),
  'patch /api/queues/:queueName/:jobId/priority': refuse(REORDER),
  'put /api/queues/:queueName/:jobId/remove-unprocessed-children': refuse(CHILDREN),
  'put /api/queues/:queueName/empty': refuse(EMPTY),
  'put /api/queues/:queueName/obliterate': refuse(OBLITERATE),
  'put /api/queues/:queueName/concurrency': refuse(CONCURRENCY),
  'put /api/queues/:queueName/rate-limit': refuse(RATE_LIMIT),
  'put /api/queues/:queueName/rate-limit/release': refuse(RATE_LIMIT),
  'put /api/queues/:queueName/job-schedulers/:schedulerId/remove': refuse(SCHEDULERS),
  'patch /api/queues/:queueName/job-schedulers/:schedulerId': refuse(SCHEDULERS),
  'put /api/queues/:queueName/job-schedulers/:schedulerId/run': refuse(SCHEDULERS),
  'post /api/metrics/history/purge': refuse(PURGE_HISTORY),
};

/** The key of `BOARD_RULES` for a route. */
export const ruleKey = (method: string, route: string) => `${method.toLowerCase()} ${route}`;

/** What the guard does with one request: let it through, refuse it, or ask the job's state first. */
export type BoardDecision =
  | { readonly kind: 'allow' }
  | { readonly kind: 'refuse'; readonly reason: string }
  | { readonly kind: 'if-job-failed'; readonly otherwise: string };

/**
 * The decision for bull-board's `route` pattern with the request's `params`. GET is always
 * allowed; a changing route not in `BOARD_RULES` is refused.
 */
export function boardDecision(
  method: string,
  route: string,
  params: Readonly<Record<string, unknown>>,
  readOnly: boolean,
): BoardDecision {
  if (method.toLowerCase() === 'get') return { kind: 'allow' };
  const rule = BOARD_RULES[ruleKey(method, route)];
  if (rule === undefined) {
    return {
      kind: 'refuse',
      reason: `${method.toUpperCase()} ${route} is not on the dashboard's allowlist of bull-board actions`,
    };
  }
  if (rule.kind === 'refuse') return rule;
  if (readOnly) return { kind: 'refuse', reason: READ_ONLY };
  if (rule.kind === 'allow') return rule;
  if (rule.kind === 'failed-job') return { kind: 'if-job-failed', otherwise: rule.otherwise };
  return params.queueStatus === 'failed' ? { kind: 'allow' } : { kind: 'refuse', reason: rule.otherwise };
}
