import {
  createMaintenanceQueue,
  createRedisConnection,
  MAINTENANCE_QUEUE_NAME,
  type MaintenanceQueue,
} from '@repo/shared/queue';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../test/helpers/processes.js';
import { waitFor } from '../../../test/helpers/processes.js';
import {
  ADD,
  CLEAN_FAILED_ONLY,
  EDIT_DATA,
  EMPTY,
  OBLITERATE,
  REORDER,
  RETRY_FAILED_ONLY,
  SCHEDULERS,
} from '../src/board-allowlist.js';
import { FAILED, type SeededQueue, seedQueue, send, startDashboard, WAITING } from './dashboard-fixture.js';

// bull-board's allowlist (board-allowlist.ts) over HTTP against a dashboard process: every
// change it refuses answers 403 with its reason and changes nothing; the allowed ones work.
const DB = 25;
const PORT = 3931;
const DONE = 'checkpoint-done';
const Q = '/queues/api/queues/nba-requests';
const M = `/queues/api/queues/${MAINTENANCE_QUEUE_NAME}`;

let seeded: SeededQueue;
let maintenance: MaintenanceQueue;
let dashboard: RunningApp;

beforeAll(async () => {
  seeded = await seedQueue(DB);
  // A completed job: on the maintenance queue, which has no rate limit to wait for.
  maintenance = createMaintenanceQueue(seeded.redis);
  await maintenance.add('checkpoint', { task: 'checkpoint' }, { jobId: DONE });
  const workerRedis = createRedisConnection(seeded.redisUrl, 'allowlist-test-worker');
  const worker = new Worker(MAINTENANCE_QUEUE_NAME, async () => 'ok', { connection: workerRedis });
  await waitFor('the maintenance job to complete', async () =>
    (await maintenance.getJobState(DONE)) === 'completed' ? true : undefined,
  );
  await worker.close();
  await workerRedis.quit();
  dashboard = await startDashboard(PORT, { REDIS_URL: seeded.redisUrl });
});

afterAll(async () => {
  await dashboard?.stop();
  await maintenance?.close();
  await seeded?.close();
});

const state = async () => ({ board: await seeded.state(), done: await maintenance.getJobState(DONE) });

describe("bull-board's allowlist", () => {
  it('refuses every change not on it with 403 and its reason, and nothing changes', async () => {
    const before = await state();
    expect(before.done).toBe('completed');
    const refused: [method: string, path: string, body: unknown, reason: string][] = [
      ['PUT', `${Q}/obliterate`, { force: true }, OBLITERATE],
      ['POST', `${Q}/add`, { name: 'box-score', data: { season: '2024-25' } }, ADD],
      ['POST', `${Q}/add`, {}, ADD],
      ['PATCH', `${Q}/${FAILED[0]}/update-data`, { data: { gameId: '0022400099' } }, EDIT_DATA],
      ['PATCH', `${Q}/${WAITING}/priority`, { priority: 1 }, REORDER],
      ['PUT', `${Q}/retry/completed`, undefined, RETRY_FAILED_ONLY],
      ['PUT', `${M}/retry/completed`, undefined, RETRY_FAILED_ONLY],
      ['PUT', `${M}/${DONE}/retry`, undefined, RETRY_FAILED_ONLY],
      ['PUT', `${Q}/${WAITING}/retry`, undefined, RETRY_FAILED_ONLY],
      ['PUT', `${Q}/clean/wait`, undefined, CLEAN_FAILED_ONLY],
      ['PUT', `${Q}/${WAITING}/clean`, undefined, CLEAN_FAILED_ONLY],
      ['PUT', `${Q}/empty`, undefined, EMPTY],
      ['PUT', `${M}/job-schedulers/checkpoint/remove`, undefined, SCHEDULERS],
      ['PUT', `${M}/job-schedulers/checkpoint/run`, undefined, SCHEDULERS],
      ['PATCH', `${M}/job-schedulers/checkpoint`, { every: 1000 }, SCHEDULERS],
    ];
    for (const [method, path, body, reason] of refused) {
      const answer = await send(PORT, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(await answer.json(), `${method} ${path}`).toEqual({
        error: { key: 'ERRORS.FORBIDDEN' },
        message: reason,
      });
    }
    expect(await state()).toEqual(before);
  });

  it('pauses and resumes (one, all), promotes, retries a failed job and cleans failed ones', async () => {
    for (const path of [`${Q}/pause`, '/queues/api/queues/pause']) {
      expect((await send(PORT, 'PUT', path)).ok, path).toBe(true);
      expect(await seeded.queue.isPaused()).toBe(true);
      expect((await send(PORT, 'PUT', path.replace(/pause$/, 'resume'))).ok).toBe(true);
      expect(await seeded.queue.isPaused()).toBe(false);
    }
    expect((await send(PORT, 'PUT', `${Q}/promote`)).ok).toBe(true);
    expect((await send(PORT, 'PUT', `${Q}/${FAILED[0]}/retry`)).status).toBe(204);
    expect(await seeded.queue.getJobState(FAILED[0])).toBe('waiting');
    expect((await send(PORT, 'PUT', `${Q}/${FAILED[1]}/clean`)).status).toBe(204);
    expect(await seeded.queue.getJob(FAILED[1])).toBeUndefined();
    // Cleaning all failed jobs keeps bull-board's 5 s grace: accepted, nothing left to remove.
    expect((await send(PORT, 'PUT', `${Q}/clean/failed`)).ok).toBe(true);
    expect(await seeded.queue.getJobCounts('waiting', 'failed')).toMatchObject({ waiting: 2, failed: 0 });
  });
});
