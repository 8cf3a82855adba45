import type { BullBoardRequest, HookContext } from '@bull-board/api/typings/app';
import { describe, expect, it } from 'vitest';
import { OBLITERATE, RATE_LIMIT, RETRY_FAILED_ONLY } from './board-allowlist.js';
import { createBoardGuard } from './board-guard.js';

/** A bull-board request whose queue `nba-requests` holds jobs in the given states. */
function request(params: Record<string, string>, states: Record<string, string> = {}): BullBoardRequest {
  const queue = {
    getJob: async (id: string) => (id in states ? { getState: async () => states[id] } : undefined),
  };
  return { params, queues: new Map([['nba-requests', queue]]) } as unknown as BullBoardRequest;
}

const context = (method: HookContext['method'], route: string, req: BullBoardRequest): HookContext => ({
  method,
  route,
  request: req,
});

describe('the bull-board guard', () => {
  const guard = createBoardGuard({ readOnly: false, requestQueueName: 'nba-requests' });
  const before = (c: HookContext) => guard.before?.(c);

  it('answers a refusal as bull-board errors look: 403, a translation key and the reason', async () => {
    const req = request({ queueName: 'nba-requests' });
    expect(await before(context('put', '/api/queues/:queueName/rate-limit', req))).toEqual({
      allow: false,
      status: 403,
      errorKey: 'ERRORS.FORBIDDEN',
      message: RATE_LIMIT,
    });
    expect(await before(context('put', '/api/queues/:queueName/obliterate', req))).toMatchObject({
      allow: false,
      message: OBLITERATE,
    });
    expect(await before(context('get', '/api/queues/:queueName/rate-limit', req))).toBeUndefined();
  });

  it('retries one job only when it is failed; a job that is not there is left to bull-board (404)', async () => {
    const states = { a: 'failed', b: 'completed', c: 'waiting' };
    const retry = (jobId: string) =>
      before(
        context(
          'put',
          '/api/queues/:queueName/:jobId/retry',
          request({ queueName: 'nba-requests', jobId }, states),
        ),
      );
    expect(await retry('a')).toBeUndefined();
    expect(await retry('b')).toMatchObject({ allow: false, status: 403, message: RETRY_FAILED_ONLY });
    expect(await retry('c')).toMatchObject({ allow: false, message: RETRY_FAILED_ONLY });
    expect(await retry('missing')).toBeUndefined();
  });

  it("runs the product's resume after bull-board resumed the request queue, and only then", async () => {
    const resumed: string[] = [];
    const withResume = createBoardGuard({
      readOnly: false,
      requestQueueName: 'nba-requests',
      onRequestQueueResumed: async () => {
        resumed.push('yes');
      },
    });
    const ok = { status: 200 as const, body: {} };
    const one = (queueName: string) => request({ queueName });
    await withResume.after?.(context('put', '/api/queues/:queueName/resume', one('nba-requests')), ok);
    await withResume.after?.(context('put', '/api/queues/resume', one('')), ok);
    await withResume.after?.(
      context('put', '/api/queues/:queueName/resume', one('backfill-maintenance')),
      ok,
    );
    await withResume.after?.(context('put', '/api/queues/:queueName/pause', one('nba-requests')), ok);
    await withResume.after?.(context('put', '/api/queues/:queueName/resume', one('nba-requests')), {
      status: 404,
      body: { error: { key: 'ERRORS.QUEUE_NOT_FOUND' } },
    });
    expect(resumed).toEqual(['yes', 'yes']);
  });
});
