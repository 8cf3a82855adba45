import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../test/helpers/processes.js';
import { FAILED, type SeededQueue, seedQueue, send, startDashboard, url } from './dashboard-fixture.js';

// The dashboard runs as its own process and is tested over HTTP, as a person would reach it.
// (In-process supertest trips over vitest's module loader with express 5's router.)
// One dashboard with basic auth, and one whose Redis does not exist.
const DB = 13;
const AUTH_PORT = 3921;
const NO_REDIS_PORT = 3923;
const USER = 'ops';
const PASSWORD = 'p4ss: with spaces & ümlauts';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const AUTH = { authorization: basic(USER, PASSWORD) };

let seeded: SeededQueue;
let auth: RunningApp;
let noRedis: RunningApp;

beforeAll(async () => {
  seeded = await seedQueue(DB);
  [auth, noRedis] = await Promise.all([
    startDashboard(AUTH_PORT, {
      REDIS_URL: seeded.redisUrl,
      DASHBOARD_USER: USER,
      DASHBOARD_PASSWORD: PASSWORD,
      LOG_LEVEL: 'debug',
    }),
    // Nothing listens on port 1: the connection is refused at once, again and again.
    startDashboard(NO_REDIS_PORT, { REDIS_URL: 'redis://127.0.0.1:1' }),
  ]);
});

afterAll(async () => {
  await Promise.all([auth?.stop(), noRedis?.stop()]);
  await seeded?.close();
});

describe('a dashboard with basic auth', () => {
  const PROTECTED = [
    '/',
    '/?fragment=1',
    '/api/progress',
    '/metrics',
    '/queues',
    '/queues/api/queues',
    '/nothing-here',
  ];

  it('leaves /healthz open and checks Redis there', async () => {
    const response = await fetch(url(AUTH_PORT, '/healthz'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', redis: 'ok' });
  });

  it('answers 401 with a Basic challenge on every other route without credentials or with wrong ones', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: basic(USER, 'wrong') },
      { authorization: basic('admin', PASSWORD) },
      { authorization: basic(USER, `${PASSWORD}x`) },
      { authorization: 'Bearer abc' },
    ];
    for (const headers of attempts) {
      for (const path of PROTECTED) {
        const response = await fetch(url(AUTH_PORT, path), { headers });
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe(
          'Basic realm="nba-season-backfill dashboard", charset="UTF-8"',
        );
      }
    }
    // Refused before any route runs, so a mutation without credentials changes nothing either.
    expect((await send(AUTH_PORT, 'PUT', '/queues/api/queues/nba-requests/pause')).status).toBe(401);
    expect(await seeded.queue.isPaused()).toBe(false);
  });

  it('answers 200 with the credentials', async () => {
    for (const path of PROTECTED.filter((p) => p !== '/nothing-here')) {
      expect((await fetch(url(AUTH_PORT, path), { headers: AUTH })).status, path).toBe(200);
    }
    expect((await fetch(url(AUTH_PORT, '/nothing-here'), { headers: AUTH })).status).toBe(404);
  });

  it('refuses the bull-board routes that change or release the global rate limit, however spelled', async () => {
    const before = await seeded.state();
    const attempts: [string, unknown][] = [
      ['/queues/api/queues/nba-requests/rate-limit', { max: null }],
      ['/queues/api/queues/nba-requests/rate-limit', { max: 1000, duration: 1 }],
      ['/queues/api/queues/nba-requests/rate-limit/', { max: 1000, duration: 1 }],
      ['/queues/api/queues/nba-requests/RATE-LIMIT', { max: 1000, duration: 1 }],
      ['/queues/api/queues/nba-requests/rate-limit/release', undefined],
      ['/queues/api/queues/nba-requests/Rate-Limit/Release/', undefined],
      ['/queues/api/queues/backfill-maintenance/rate-limit/release', undefined],
    ];
    for (const [path, body] of attempts) {
      const response = await send(AUTH_PORT, 'PUT', path, body, AUTH);
      expect(response.status, path).toBe(403);
      expect(((await response.json()) as { message: string }).message).toBe(
        'the global rate limit protects the NBA API: it is set from RATE_LIMIT_SECONDS and cannot be changed or released here',
      );
    }
    const concurrency = await send(
      AUTH_PORT,
      'PUT',
      '/queues/api/queues/nba-requests/concurrency',
      { concurrency: 8 },
      AUTH,
    );
    expect(concurrency.status).toBe(403);
    expect(await concurrency.json()).toEqual({
      error: { key: 'ERRORS.FORBIDDEN' },
      message: 'concurrency is set by WORKER_CONCURRENCY and the global rate limit, not from the dashboard',
    });
    // A spelling no route knows reaches no handler at all.
    expect(
      (await send(AUTH_PORT, 'PUT', '/queues/api/queues/nba-requests/rate%2Dlimit/release', undefined, AUTH))
        .status,
    ).toBe(404);
    expect(await seeded.state()).toEqual(before);
    // Reading the limit stays allowed.
    const read = await fetch(url(AUTH_PORT, '/queues/api/queues/nba-requests/rate-limit'), { headers: AUTH });
    expect(await read.json()).toEqual({ supported: true, rateLimit: { max: 1, duration: 5000 } });
  });

  it('retries one failed job, then all failed jobs', async () => {
    const one = await send(
      AUTH_PORT,
      'PUT',
      `/queues/api/queues/nba-requests/${FAILED[0]}/retry`,
      undefined,
      AUTH,
    );
    expect(one.status).toBe(204);
    expect(await seeded.queue.getJobState(FAILED[0] as string)).toBe('waiting');
    expect(await seeded.queue.getJobState(FAILED[1] as string)).toBe('failed');
    const all = await send(AUTH_PORT, 'PUT', '/queues/api/queues/nba-requests/retry/failed', undefined, AUTH);
    expect(all.ok).toBe(true);
    expect(await seeded.queue.getJobCounts('waiting', 'failed')).toMatchObject({ waiting: 3, failed: 0 });
  });

  it('never writes the password to its log', () => {
    const output = auth.output();
    expect(output).toContain('"auth":"basic"');
    expect(output).not.toContain(PASSWORD);
    expect(output).not.toContain(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'));
  });
});

describe('a dashboard whose Redis is away', () => {
  it('answers /healthz and /api/progress with 503 within the deadline, and keeps running', async () => {
    const started = Date.now();
    const health = await fetch(url(NO_REDIS_PORT, '/healthz'));
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'error' });
    const progress = await fetch(url(NO_REDIS_PORT, '/api/progress'));
    expect(progress.status).toBe(503);
    expect(await progress.json()).toMatchObject({ error: 'unavailable' });
    // While reconnecting, the answer comes at once rather than after the 3 s deadline.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(noRedis.child.exitCode).toBeNull();
    expect(noRedis.output()).toContain('redis unavailable; reconnecting');
  });
});

describe('shutdown', () => {
  it('stops every dashboard with exit code 0 on SIGTERM', async () => {
    const codes = await Promise.all([auth, noRedis].map((d) => d.stop('SIGTERM')));
    expect(codes).toEqual([0, 0]);
  });
});
