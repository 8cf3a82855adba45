import { appRoutes, buildHistoryRoutes } from '@bull-board/api/dist/routes.js';
import type { AppControllerRoute, MetricsHistoryProvider } from '@bull-board/api/typings/app';
import { describe, expect, it } from 'vitest';
import {
  ADD,
  BOARD_RULES,
  boardDecision,
  CLEAN_FAILED_ONLY,
  EDIT_DATA,
  EMPTY,
  OBLITERATE,
  RATE_LIMIT,
  READ_ONLY,
  RETRY_FAILED_ONLY,
  ruleKey,
  SCHEDULERS,
} from './board-allowlist.js';

// Every route bull-board can declare: its API, and the history routes it adds when a
// `historyProvider` is configured (none is here, but an upgrade could make one the default).
const unused = () => Promise.reject(new Error('not called'));
const provider: MetricsHistoryProvider = {
  getHistory: unused,
  getLatency: unused,
  getUsage: unused,
  purge: unused,
};
const declared: readonly AppControllerRoute[] = [
  ...appRoutes.api,
  ...buildHistoryRoutes(provider, { hasUsage: true, canPurge: true, hasLatency: true }),
];
const asList = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? value : [value as T]);
const endpoints = declared.flatMap((route) =>
  asList(route.method).flatMap((method) => asList(route.route).map((path) => ({ method, path }))),
);
const changing = endpoints.filter((e) => e.method !== 'get');

/** Params as bull-board's router would fill them for `path`. */
const paramsOf = (path: string) =>
  Object.fromEntries([...path.matchAll(/:(\w+)/g)].map(([, name]) => [name, `some-${name}`]));

describe("the allowlist of bull-board's routes", () => {
  it('has decided every route bull-board 9.10.1 declares that changes state, and lists no other', () => {
    expect(changing.length).toBeGreaterThan(20);
    // A route bull-board adds in an upgrade fails here until someone puts it in BOARD_RULES.
    expect(changing.map((e) => ruleKey(e.method, e.path)).filter((key) => !(key in BOARD_RULES))).toEqual([]);
    expect(Object.keys(BOARD_RULES).sort()).toEqual(changing.map((e) => ruleKey(e.method, e.path)).sort());
  });

  it('allows every GET, and refuses or conditions every other route, with a reason for each refusal', () => {
    for (const { method, path } of endpoints) {
      const decision = boardDecision(method, path, paramsOf(path), false);
      if (method === 'get') {
        expect(decision, path).toEqual({ kind: 'allow' });
        continue;
      }
      if (decision.kind === 'refuse') expect(decision.reason.length, path).toBeGreaterThan(20);
      if (decision.kind === 'if-job-failed') expect(decision.otherwise.length, path).toBeGreaterThan(20);
    }
  });

  it('allows exactly: pause and resume (one, all), promote (one, all), retry failed, clean failed', () => {
    const allowed = changing
      .filter((e) => {
        const params = { ...paramsOf(e.path), queueStatus: 'failed' };
        return boardDecision(e.method, e.path, params, false).kind !== 'refuse';
      })
      .map((e) => ruleKey(e.method, e.path))
      .sort();
    expect(allowed).toEqual([
      'put /api/queues/:queueName/:jobId/clean',
      'put /api/queues/:queueName/:jobId/promote',
      'put /api/queues/:queueName/:jobId/retry',
      'put /api/queues/:queueName/clean/:queueStatus',
      'put /api/queues/:queueName/pause',
      'put /api/queues/:queueName/promote',
      'put /api/queues/:queueName/resume',
      'put /api/queues/:queueName/retry/:queueStatus',
      'put /api/queues/pause',
      'put /api/queues/resume',
    ]);
  });

  it('refuses the dangerous ones with a reason a person understands', () => {
    const q = { queueName: 'nba-requests', jobId: 'x', schedulerId: 'follow:2025-26' };
    const reason = (method: string, route: string, params: Record<string, string> = q) =>
      boardDecision(method, route, params, false);
    expect(reason('put', '/api/queues/:queueName/obliterate')).toEqual({
      kind: 'refuse',
      reason: OBLITERATE,
    });
    expect(reason('post', '/api/queues/:queueName/add')).toEqual({ kind: 'refuse', reason: ADD });
    expect(reason('patch', '/api/queues/:queueName/:jobId/update-data')).toEqual({
      kind: 'refuse',
      reason: EDIT_DATA,
    });
    expect(reason('put', '/api/queues/:queueName/empty')).toEqual({ kind: 'refuse', reason: EMPTY });
    expect(reason('put', '/api/queues/:queueName/rate-limit/release')).toEqual({
      kind: 'refuse',
      reason: RATE_LIMIT,
    });
    for (const route of [
      '/api/queues/:queueName/job-schedulers/:schedulerId/remove',
      '/api/queues/:queueName/job-schedulers/:schedulerId/run',
    ]) {
      expect(reason('put', route)).toEqual({ kind: 'refuse', reason: SCHEDULERS });
    }
    expect(reason('patch', '/api/queues/:queueName/job-schedulers/:schedulerId')).toEqual({
      kind: 'refuse',
      reason: SCHEDULERS,
    });
    expect(OBLITERATE).toBe(
      'obliterating the queue would delete its jobs and its global rate limit: not allowed from the dashboard',
    );
    expect(ADD).toMatch(/^adding jobs is for `pnpm planner enqueue season`/);
    expect(RETRY_FAILED_ONLY).toBe(
      'retrying completed jobs would fetch them again from the NBA API: only failed jobs can be retried here',
    );
  });

  it('retries and cleans all jobs of a status only when the status is failed', () => {
    for (const status of ['completed', 'wait', 'active', 'delayed', 'paused', 'prioritized', '']) {
      const params = { queueName: 'nba-requests', queueStatus: status };
      expect(boardDecision('put', '/api/queues/:queueName/retry/:queueStatus', params, false)).toEqual({
        kind: 'refuse',
        reason: RETRY_FAILED_ONLY,
      });
      expect(boardDecision('put', '/api/queues/:queueName/clean/:queueStatus', params, false)).toEqual({
        kind: 'refuse',
        reason: CLEAN_FAILED_ONLY,
      });
    }
    const failed = { queueName: 'nba-requests', queueStatus: 'failed' };
    expect(boardDecision('put', '/api/queues/:queueName/retry/:queueStatus', failed, false).kind).toBe(
      'allow',
    );
  });

  it('asks for the job state before retrying or cleaning one job', () => {
    expect(boardDecision('put', '/api/queues/:queueName/:jobId/retry', {}, false)).toEqual({
      kind: 'if-job-failed',
      otherwise: RETRY_FAILED_ONLY,
    });
    expect(boardDecision('put', '/api/queues/:queueName/:jobId/clean', {}, false)).toEqual({
      kind: 'if-job-failed',
      otherwise: CLEAN_FAILED_ONLY,
    });
  });

  it('refuses every change when read-only, and a route it does not know always', () => {
    for (const { method, path } of changing) {
      const decision = boardDecision(method, path, { ...paramsOf(path), queueStatus: 'failed' }, true);
      expect(decision.kind, path).toBe('refuse');
    }
    expect(boardDecision('put', '/api/queues/:queueName/retry/:queueStatus', {}, true)).toEqual({
      kind: 'refuse',
      reason: READ_ONLY,
    });
    expect(boardDecision('delete', '/api/queues/:queueName/everything', {}, false)).toEqual({
      kind: 'refuse',
      reason:
        "DELETE /api/queues/:queueName/everything is not on the dashboard's allowlist of bull-board actions",
    });
    expect(boardDecision('GET', '/api/queues/:queueName/rate-limit', {}, true)).toEqual({ kind: 'allow' });
  });
});
