import { createRedisConnection, type Redis } from '@repo/shared/queue';
import type { Request, Response } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { testServices } from '../../../test/helpers/services.js';
import { createHealthzRoute } from '../src/routes/healthz.js';

// The route against a real Redis connection in each of its states. The HTTP layer is covered
// by server.test.ts; here the timing matters, so the handler is called directly.
interface Answer {
  status: number;
  body: unknown;
}

function call(redis: Redis, deadlineMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    const answer: Answer = { status: 200, body: undefined };
    const res = {
      set: () => res,
      status: (code: number) => {
        answer.status = code;
        return res;
      },
      json: (body: unknown) => {
        answer.body = body;
        resolve(answer);
        return res;
      },
    };
    void createHealthzRoute(redis, deadlineMs)({} as Request, res as unknown as Response, () => undefined);
  });
}

const opened: Redis[] = [];
afterEach(() => {
  for (const redis of opened.splice(0)) redis.disconnect();
});

describe('/healthz', () => {
  it('answers 200 for a connection still being made, once it is ready within the deadline', async () => {
    const redis = createRedisConnection(testServices().redisUrl(14), 'healthz-test');
    opened.push(redis);
    // Called in the same tick as the connection is created: it cannot be ready yet.
    expect(redis.status).not.toBe('ready');
    expect(await call(redis, 3000)).toEqual({ status: 200, body: { status: 'ok', redis: 'ok' } });
  });

  it('answers 503 at once while the connection is away', async () => {
    const redis = createRedisConnection('redis://127.0.0.1:1', 'healthz-test');
    redis.on('error', () => undefined);
    opened.push(redis);
    await new Promise<void>((resolve) => redis.once('reconnecting', () => resolve()));
    const started = Date.now();
    const answer = await call(redis, 3000);
    expect(Date.now() - started).toBeLessThan(500);
    expect(answer).toEqual({
      status: 503,
      body: { status: 'error', redis: 'redis is unavailable (connection reconnecting)' },
    });
  });
});
