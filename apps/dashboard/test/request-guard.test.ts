import { plannedSeasonsKey } from '@repo/shared/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, waitFor } from '../../../test/helpers/processes.js';
import { type SeededQueue, seedQueue, startDashboard } from './dashboard-fixture.js';
import { rawRequest } from './raw-http.js';

// What every request must get past before any route (request-guard.ts): a Host the dashboard is
// served under, and for changes a same-origin JSON request; and what every answer carries.
// Over HTTP against a dashboard process, with node:http so that Host and Origin are ours.
const DB = 24;
const PORT = 3930;
const ALLOWED = 'dash.example.test';
const ADD = '/queues/api/queues/nba-requests/add';
const SELF = `http://127.0.0.1:${PORT}`;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

let seeded: SeededQueue;
let dashboard: RunningApp;

beforeAll(async () => {
  seeded = await seedQueue(DB);
  dashboard = await startDashboard(PORT, { REDIS_URL: seeded.redisUrl, DASHBOARD_ALLOWED_HOSTS: ALLOWED });
});

afterAll(async () => {
  await dashboard?.stop();
  await seeded?.close();
});

const jobCount = async () => Object.values(await seeded.queue.getJobCounts()).reduce((a, b) => a + b, 0);

describe('a cross-site change', () => {
  it('a text/plain form POSTed from another site to bull-board add is refused and adds nothing', async () => {
    const before = await jobCount();
    expect(before).toBe(3);
    // What <form method="post" enctype="text/plain" action=".../add"> sends, empty or not.
    for (const body of ['', 'name=box-score']) {
      const answer = await rawRequest(
        PORT,
        'POST',
        ADD,
        { 'content-type': 'text/plain', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        body,
      );
      expect(answer.status, body).toBe(403);
      expect(JSON.parse(answer.body)).toEqual({
        error: 'forbidden',
        reason: 'cross-site request refused: Origin "https://evil.example" is not this dashboard',
      });
    }
    // The same form from a page of the dashboard's own origin still is not JSON.
    const plain = await rawRequest(PORT, 'POST', ADD, { 'content-type': 'text/plain', origin: SELF }, '');
    expect(plain.status).toBe(403);
    expect(JSON.parse(plain.body).reason).toBe(
      'a change needs Content-Type: application/json (got "text/plain")',
    );
    // Neither Origin nor Sec-Fetch-Site: not a page of the dashboard.
    const bare = await rawRequest(PORT, 'POST', ADD, { 'content-type': 'application/json' }, '{}');
    expect(bare.status).toBe(403);
    expect(JSON.parse(bare.body).reason).toMatch(/^a change needs an Origin header/);
    expect(await jobCount()).toBe(before);
  });
});

describe('the Host check', () => {
  it('refuses a foreign Host (DNS rebinding) on every route, with what to do about it', async () => {
    for (const path of ['/', '/api/progress', '/metrics', '/healthz', '/queues', '/queues/api/queues']) {
      const answer = await rawRequest(PORT, 'GET', path, { host: `evil.example:${PORT}` });
      expect(answer.status, path).toBe(403);
      const reason = path.includes('api/')
        ? (JSON.parse(answer.body) as { reason: string }).reason
        : answer.body;
      expect(reason, path).toBe(`unknown Host "evil.example:${PORT}"; add it to DASHBOARD_ALLOWED_HOSTS`);
    }
    expect(
      JSON.parse((await rawRequest(PORT, 'GET', '/api/progress', { host: 'evil.example' })).body),
    ).toEqual({
      error: 'forbidden',
      reason: 'unknown Host "evil.example"; add it to DASHBOARD_ALLOWED_HOSTS',
    });
  });

  it("refuses a rebinding page's change even though its Origin matches its Host", async () => {
    const before = await jobCount();
    const rebound = `evil.example:${PORT}`;
    const answer = await rawRequest(
      PORT,
      'POST',
      ADD,
      { host: rebound, origin: `http://${rebound}`, 'content-type': 'application/json' },
      JSON.stringify({ name: 'box-score', data: {} }),
    );
    expect(answer.status).toBe(403);
    expect(await jobCount()).toBe(before);
  });

  it('answers loopback names and DASHBOARD_ALLOWED_HOSTS, with the dashboard port or none', async () => {
    for (const host of [
      `localhost:${PORT}`,
      `127.0.0.1:${PORT}`,
      `[::1]:${PORT}`,
      'localhost',
      ALLOWED,
      `${ALLOWED}:${PORT}`,
    ]) {
      expect((await rawRequest(PORT, 'GET', '/api/progress', { host })).status, host).toBe(200);
    }
    for (const host of [`localhost:${PORT + 1}`, `${ALLOWED}:8080`, `sub.${ALLOWED}`]) {
      expect((await rawRequest(PORT, 'GET', '/api/progress', { host })).status, host).toBe(403);
    }
  });
});

describe('every answer', () => {
  it('says nosniff and no-store, whatever the route and status', async () => {
    const requests: [method: string, path: string, headers?: Record<string, string>][] = [
      ['GET', '/'],
      ['GET', '/?fragment=1'],
      ['GET', '/?season=nonsense'],
      ['GET', '/api/progress'],
      ['GET', '/api/progress?season=1999'],
      ['GET', '/metrics'],
      ['GET', '/healthz'],
      ['GET', '/queues'],
      ['GET', '/queues/queue/nba-requests'],
      ['GET', '/queues/api/queues'],
      ['GET', '/queues/static/favicon-32x32.png'],
      ['GET', '/nothing-here'],
      ['GET', '/', { host: 'evil.example' }],
      ['PUT', '/queues/api/queues/nba-requests/obliterate', { origin: SELF }],
      ['PUT', '/queues/api/queues/nba-requests/pause', { origin: 'https://evil.example' }],
    ];
    const statuses: number[] = [];
    for (const [method, path, headers] of requests) {
      const answer = await rawRequest(PORT, method, path, headers);
      statuses.push(answer.status);
      expect(answer.headers['x-content-type-options'], `${method} ${path}`).toBe('nosniff');
      expect(answer.headers['cache-control'], `${method} ${path}`).toBe('no-store');
    }
    expect(new Set(statuses)).toEqual(new Set([200, 400, 403, 404]));
    expect(await seeded.queue.isPaused()).toBe(false);
  });

  // Last: it breaks the Redis data the others read.
  it('a 500 answers "internal error (id …)" (JSON for the APIs, text for pages); the details go to the log', async () => {
    // A key of the wrong type: every read of it fails with Redis' WRONGTYPE.
    await seeded.redis.set(plannedSeasonsKey(), 'not a set');
    await seeded.redis.set('bull:nba-requests:broken', 'not a hash');
    const ids: string[] = [];
    const api = await rawRequest(PORT, 'GET', '/api/progress');
    expect(api.status).toBe(500);
    expect(api.headers['content-type']).toMatch(/^application\/json/);
    const apiBody = JSON.parse(api.body) as { error: string; reason: string };
    expect(apiBody).toEqual({
      error: 'internal',
      reason: expect.stringMatching(new RegExp(`^internal error \\(id ${UUID}\\)$`)),
    });
    ids.push(apiBody.reason);

    const page = await rawRequest(PORT, 'GET', '/');
    expect(page.status).toBe(500);
    expect(page.headers['content-type']).toMatch(/^text\/plain/);
    expect(page.body).toMatch(new RegExp(`^internal error \\(id ${UUID}\\)$`));
    ids.push(page.body);

    const board = await rawRequest(PORT, 'GET', '/queues/api/queues/nba-requests/broken');
    expect(board.status).toBe(500);
    const boardBody = JSON.parse(board.body) as { error: unknown; message: string };
    expect(boardBody).toEqual({
      error: { key: 'ERRORS.INTERNAL_SERVER_ERROR' },
      message: expect.stringMatching(new RegExp(`^internal error \\(id ${UUID}\\)$`)),
    });
    ids.push(boardBody.message);

    for (const [answer, id] of [api.body, page.body, board.body].map(
      (b, i) => [b, ids[i] as string] as const,
    )) {
      expect(answer).not.toMatch(/WRONGTYPE|\n\s+at |stack/);
      const errorId = /id ([0-9a-f-]+)/.exec(id)?.[1] as string;
      // The answer and the log line travel on different pipes: the answer may come first.
      const logged = await waitFor(
        `the log line of ${errorId}`,
        async () =>
          dashboard
            .output()
            .split('\n')
            .find((line) => line.includes(errorId)),
        5_000,
      );
      expect(JSON.parse(logged as string)).toMatchObject({
        level: 'error',
        error_id: errorId,
        err: { message: expect.stringContaining('WRONGTYPE') },
      });
    }
    await seeded.redis.del(plannedSeasonsKey(), 'bull:nba-requests:broken');
  });
});
