import { describe, expect, it } from 'vitest';
import { createBoardGuard, refusal } from './board-guard.js';

const RATE_LIMIT =
  'the global rate limit protects the NBA API: it is set from RATE_LIMIT_SECONDS and cannot be changed or released here';

describe('the bull-board guard', () => {
  it('refuses changing and releasing the rate limit, and setting a global concurrency, always', () => {
    expect(refusal('put', '/api/queues/:queueName/rate-limit', false)).toBe(RATE_LIMIT);
    expect(refusal('put', '/api/queues/:queueName/rate-limit/release', false)).toBe(RATE_LIMIT);
    expect(refusal('put', '/api/queues/:queueName/concurrency', false)).toMatch(/WORKER_CONCURRENCY/);
    expect(refusal('get', '/api/queues/:queueName/rate-limit', false)).toBeUndefined();
  });

  it('lets retries and other changes through unless read-only', () => {
    for (const route of [
      '/api/queues/:queueName/:jobId/retry',
      '/api/queues/:queueName/retry/:queueStatus',
    ]) {
      expect(refusal('put', route, false)).toBeUndefined();
      expect(refusal('put', route, true)).toBe('this dashboard is read-only (DASHBOARD_READ_ONLY=true)');
    }
    expect(refusal('get', '/api/queues', true)).toBeUndefined();
  });

  it('answers a refusal as bull-board errors look: 403, a translation key and the reason', async () => {
    const guard = createBoardGuard({ readOnly: false, requestQueueName: 'nba-requests' });
    const request = { params: { queueName: 'nba-requests' } } as never;
    expect(
      await guard.before?.({ method: 'put', route: '/api/queues/:queueName/rate-limit', request }),
    ).toEqual({
      allow: false,
      status: 403,
      errorKey: 'ERRORS.FORBIDDEN',
      message: RATE_LIMIT,
    });
  });

  it("runs the product's resume after bull-board resumed the request queue, and only then", async () => {
    const resumed: string[] = [];
    const guard = createBoardGuard({
      readOnly: false,
      requestQueueName: 'nba-requests',
      onRequestQueueResumed: async () => {
        resumed.push('yes');
      },
    });
    const ok = { status: 200 as const, body: {} };
    const one = (queueName: string) => ({ params: { queueName } }) as never;
    await guard.after?.(
      { method: 'put', route: '/api/queues/:queueName/resume', request: one('nba-requests') },
      ok,
    );
    await guard.after?.({ method: 'put', route: '/api/queues/resume', request: one('') }, ok);
    await guard.after?.(
      { method: 'put', route: '/api/queues/:queueName/resume', request: one('backfill-maintenance') },
      ok,
    );
    await guard.after?.(
      { method: 'put', route: '/api/queues/:queueName/pause', request: one('nba-requests') },
      ok,
    );
    await guard.after?.(
      { method: 'put', route: '/api/queues/:queueName/resume', request: one('nba-requests') },
      { status: 404, body: { error: { key: 'ERRORS.QUEUE_NOT_FOUND' } } },
    );
    expect(resumed).toEqual(['yes', 'yes']);
  });
});
