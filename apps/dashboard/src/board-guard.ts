import type { BeforeHookResult, BoardHooks, HookContext } from '@bull-board/api/typings/app';

/**
 * Which bull-board API calls the dashboard refuses, decided on the route pattern bull-board
 * matched (so no URL spelling can slip past) before its handler runs.
 *
 * The NBA API's protection is the queue's global rate limit (DESIGN §5); bull-board 9.10.1 can
 * change it (`PUT /api/queues/:queueName/rate-limit`, where `max: null` removes it), lift the
 * throttled cool-down (`PUT /api/queues/:queueName/rate-limit/release`) and set a global
 * concurrency (`PUT /api/queues/:queueName/concurrency`). All three would outlive the click in
 * Redis, so they belong to RATE_LIMIT_SECONDS and WORKER_CONCURRENCY, not to a button.
 */
export function refusal(method: string, route: string, readOnly: boolean): string | undefined {
  if (method.toLowerCase() === 'get') return undefined;
  if (route.includes('/rate-limit')) {
    return 'the global rate limit protects the NBA API: it is set from RATE_LIMIT_SECONDS and cannot be changed or released here';
  }
  if (route.endsWith('/concurrency')) {
    return 'concurrency is set by WORKER_CONCURRENCY and the global rate limit, not from the dashboard';
  }
  if (readOnly) return 'this dashboard is read-only (DASHBOARD_READ_ONLY=true)';
  return undefined;
}

export interface BoardGuardOptions {
  readonly readOnly: boolean;
  /** Called after bull-board resumed the request queue, to forget why it was paused. */
  readonly onRequestQueueResumed?: () => Promise<void>;
  /** The name of the queue whose resume calls `onRequestQueueResumed`. */
  readonly requestQueueName: string;
}

const RESUME_ONE = '/api/queues/:queueName/resume';
const RESUME_ALL = '/api/queues/resume';

/** bull-board hooks: refuse as `refusal` says; after a resume, run the product's own resume. */
export function createBoardGuard(options: BoardGuardOptions): BoardHooks {
  return {
    before: (context: HookContext): BeforeHookResult => {
      const reason = refusal(context.method, context.route, options.readOnly);
      if (reason === undefined) return undefined;
      return { allow: false, status: 403, errorKey: 'ERRORS.FORBIDDEN', message: reason };
    },
    after: async (context, result) => {
      const resumed =
        context.route === RESUME_ALL ||
        (context.route === RESUME_ONE && context.request.params.queueName === options.requestQueueName);
      if (resumed && (result.status ?? 200) < 300) await options.onRequestQueueResumed?.();
      return result;
    },
  };
}
