import type {
  BeforeHookResult,
  BoardHooks,
  BullBoardRequest,
  HookContext,
} from '@bull-board/api/typings/app';
import { boardDecision } from './board-allowlist.js';

export interface BoardGuardOptions {
  readonly readOnly: boolean;
  /** Called after bull-board resumed the request queue, to forget why it was paused. */
  readonly onRequestQueueResumed?: () => Promise<void>;
  /** The name of the queue whose resume calls `onRequestQueueResumed`. */
  readonly requestQueueName: string;
}

const RESUME_ONE = '/api/queues/:queueName/resume';
const RESUME_ALL = '/api/queues/resume';

/**
 * The state of the job `:jobId` of queue `:queueName`, or undefined when there is none (then
 * bull-board's handler answers 404 itself).
 */
async function jobState(request: BullBoardRequest): Promise<string | undefined> {
  const queue = request.queues.get(String(request.params.queueName));
  const job = await queue?.getJob(String(request.params.jobId));
  return job ? await job.getState() : undefined;
}

const refused = (message: string): BeforeHookResult => ({
  allow: false,
  status: 403,
  errorKey: 'ERRORS.FORBIDDEN',
  message,
});

/**
 * bull-board hooks: before a handler runs, the allowlist of board-allowlist.ts (decided on the
 * route pattern bull-board matched); after a resume, the product's own resume.
 */
export function createBoardGuard(options: BoardGuardOptions): BoardHooks {
  return {
    before: async (context: HookContext): Promise<BeforeHookResult> => {
      const decision = boardDecision(context.method, context.route, context.request.params, options.readOnly);
      if (decision.kind === 'refuse') return refused(decision.reason);
      if (decision.kind === 'if-job-failed') {
        const state = await jobState(context.request);
        if (state !== undefined && state !== 'failed') return refused(decision.otherwise);
      }
      return undefined;
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
