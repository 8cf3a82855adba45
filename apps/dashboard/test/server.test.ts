import { createRedisConnection, createRequestQueue, type Redis, type RequestQueue } from '@repo/shared/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp, waitFor } from '../../../test/helpers/processes.js';
import { testServices } from '../../../test/helpers/services.js';

// The dashboard runs as its own process and is tested over HTTP, as a person would reach it.
// (In-process supertest trips over vitest's module loader with express 5's router.)
const DB = 3;
const PORT = 3917;
const BASE = `http://127.0.0.1:${PORT}`;
let redis: Redis;
let queue: RequestQueue;
let dashboard: RunningApp;

beforeAll(async () => {
  const url = testServices().redisUrl(DB);
  redis = createRedisConnection(url, 'dashboard-test');
  await redis.flushdb();
  queue = createRequestQueue(redis);
  await queue.add(
    'box-score',
    { season: '2024-25', request: 'box-score', gameId: '0022400061', gameDate: '2024-10-22' },
    { jobId: '2024-25.box-score.0022400061' },
  );
  dashboard = startApp('dashboard', {
    PATH: process.env.PATH,
    AWS_REGION: 'us-east-1',
    S3_BUCKET_NAME: 'unused',
    REDIS_URL: url,
    DASHBOARD_PORT: String(PORT),
  });
  await waitFor('the dashboard to listen', async () => {
    try {
      return (await fetch(`${BASE}/healthz`)).ok ? true : undefined;
    } catch {
      return undefined;
    }
  });
});

afterAll(async () => {
  await dashboard?.stop();
  await queue?.close();
  await redis?.quit();
});

describe('dashboard', () => {
  it('answers /healthz after pinging Redis', async () => {
    const response = await fetch(`${BASE}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', redis: 'ok' });
  });

  it('serves bull-board at /queues with the nba-requests queue and its job', async () => {
    const page = await fetch(`${BASE}/queues`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const api = await fetch(`${BASE}/queues/api/queues?activeQueue=nba-requests&status=latest&page=1`);
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string; jobs: { id: string }[] }[] };
    expect(body.queues.map((q) => q.name)).toEqual(['nba-requests']);
    expect(body.queues[0]?.jobs.map((j) => j.id)).toEqual(['2024-25.box-score.0022400061']);
  });

  it('stops with exit code 0 on SIGTERM', async () => {
    expect(await dashboard.stop('SIGTERM')).toBe(0);
  });
});
