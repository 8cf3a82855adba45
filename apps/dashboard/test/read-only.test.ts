import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../test/helpers/processes.js';
import {
  FAILED,
  type SeededQueue,
  seedQueue,
  send,
  startDashboard,
  url,
  WAITING,
} from './dashboard-fixture.js';

// DASHBOARD_READ_ONLY=true, tested over HTTP against a dashboard process (see server.test.ts).
const DB = 13;
const PORT = 3922;
const READ_ONLY = 'this dashboard is read-only (DASHBOARD_READ_ONLY=true)';
let seeded: SeededQueue;
let dashboard: RunningApp;

beforeAll(async () => {
  seeded = await seedQueue(DB);
  dashboard = await startDashboard(PORT, { REDIS_URL: seeded.redisUrl, DASHBOARD_READ_ONLY: 'true' });
});

afterAll(async () => {
  await dashboard?.stop();
  await seeded?.close();
});

/** Every mutating route of bull-board 9.10.1, with a plausible body. */
const MUTATIONS: readonly (readonly [method: string, path: string, body?: unknown])[] = [
  ['PUT', `/queues/api/queues/nba-requests/${FAILED[0]}/retry`],
  ['PUT', '/queues/api/queues/nba-requests/retry/failed'],
  ['PUT', `/queues/api/queues/nba-requests/${FAILED[0]}/clean`],
  ['PUT', '/queues/api/queues/nba-requests/clean/failed'],
  ['PUT', `/queues/api/queues/nba-requests/${WAITING}/promote`],
  ['PUT', '/queues/api/queues/nba-requests/promote'],
  ['PATCH', `/queues/api/queues/nba-requests/${WAITING}/update-data`, { data: {} }],
  ['PATCH', `/queues/api/queues/nba-requests/${WAITING}/priority`, { priority: 1 }],
  ['PATCH', `/queues/api/queues/nba-requests/${WAITING}/delay`, { delay: 1000 }],
  ['PUT', `/queues/api/queues/nba-requests/${WAITING}/remove-unprocessed-children`],
  ['POST', '/queues/api/queues/nba-requests/add', { name: 'box-score', data: {} }],
  ['PUT', '/queues/api/queues/nba-requests/pause'],
  ['PUT', '/queues/api/queues/nba-requests/resume'],
  ['PUT', '/queues/api/queues/pause'],
  ['PUT', '/queues/api/queues/resume'],
  ['PUT', '/queues/api/queues/nba-requests/empty'],
  ['PUT', '/queues/api/queues/nba-requests/obliterate', { force: true }],
  ['PUT', '/queues/api/queues/nba-requests/concurrency', { concurrency: 4 }],
  ['PUT', '/queues/api/queues/nba-requests/rate-limit', { max: null }],
  ['PUT', '/queues/api/queues/nba-requests/rate-limit/release'],
  ['PUT', '/queues/api/queues/backfill-maintenance/job-schedulers/checkpoint/run'],
  ['PUT', '/queues/api/queues/backfill-maintenance/job-schedulers/checkpoint/remove'],
  ['PATCH', '/queues/api/queues/backfill-maintenance/job-schedulers/checkpoint', { every: 1000 }],
  ['DELETE', '/queues/api/queues/nba-requests'],
];

describe('a read-only dashboard (DASHBOARD_READ_ONLY=true)', () => {
  it('shows everything: the progress page, /api/progress, /metrics and bull-board, which says it is read-only', async () => {
    for (const path of ['/', '/api/progress', '/metrics', '/queues', '/queues/queue/nba-requests']) {
      expect((await fetch(url(PORT, path))).status, path).toBe(200);
    }
    const board = (await (await fetch(url(PORT, '/queues/api/queues?activeQueue=nba-requests'))).json()) as {
      queues: { name: string; readOnlyMode: boolean; allowRetries: boolean }[];
    };
    expect(board.queues.map((q) => [q.name, q.readOnlyMode, q.allowRetries])).toEqual([
      ['nba-requests', true, false],
      ['backfill-maintenance', true, false],
    ]);
    expect(await (await fetch(url(PORT, '/'))).text()).toContain('<code>nba-requests</code> · read-only');
  });

  it('refuses every mutating route with 403 and a reason, and nothing changes', async () => {
    const before = await seeded.state();
    expect(before).toEqual({
      counts: { waiting: 1, failed: 2, completed: 0, delayed: 0, prioritized: 0, paused: 0 },
      paused: false,
      rateLimit: { max: 1, duration: 5000 },
      concurrency: null,
      coolDownLeft: true,
    });
    for (const [method, path, body] of MUTATIONS) {
      const response = await send(PORT, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(await response.json(), `${method} ${path}`).toEqual({ error: 'forbidden', reason: READ_ONLY });
    }
    expect(await seeded.state()).toEqual(before);
  });

  it('warns of nothing at start-up when it listens on loopback', () => {
    expect(dashboard.output()).toContain('"read_only":true');
    expect(dashboard.output()).not.toContain('beyond loopback');
  });
});
