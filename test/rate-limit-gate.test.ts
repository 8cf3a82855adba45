import { createRedisConnection, gateKeys, RateLimitGate, type Redis } from '@repo/shared/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices } from './helpers/services.js';

const DB = 1;
const connections: Redis[] = [];

beforeAll(async () => {
  const url = testServices().redisUrl(DB);
  for (let i = 0; i < 3; i++) connections.push(createRedisConnection(url, `gate-test-${i}`));
  await connections[0]?.flushdb();
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.quit()));
});

const now = () => performance.timeOrigin + performance.now();

describe('the Redis request gate', () => {
  it('spaces grants by the interval across clients, measured from each release', async () => {
    const intervalMs = 50;
    const gates = connections.map((redis) => new RateLimitGate(redis, { intervalMs }));
    const events: { granted: number; released: number }[] = [];
    await Promise.all(
      gates.map(async (gate) => {
        for (let i = 0; i < 8; i++) {
          const pass = await gate.acquire();
          const granted = now();
          // Simulate the time it takes to put a request on the wire.
          await new Promise((resolve) => setTimeout(resolve, 2));
          const released = now();
          await pass.release();
          events.push({ granted, released });
        }
      }),
    );
    events.sort((a, b) => a.granted - b.granted);
    expect(events).toHaveLength(24);
    for (let i = 1; i < events.length; i++) {
      const previous = events[i - 1] as { released: number };
      const current = events[i] as { granted: number };
      expect(current.granted - previous.released).toBeGreaterThanOrEqual(intervalMs);
    }
    // Close to the limit, not far above it: 23 gaps of ~52 ms (interval + the 2 ms hold).
    const span = (events.at(-1)?.granted ?? 0) - (events[0]?.granted ?? 0);
    expect(span).toBeLessThan(23 * (intervalMs + 2) * 1.25);
  });

  it('a dead holder blocks others only until its lock expires', async () => {
    const [a, b] = connections.map((redis) => new RateLimitGate(redis, { intervalMs: 20, lockTtlMs: 300 }));
    await connections[0]?.del(gateKeys().lock, gateKeys().last);
    await a?.acquire(); // never released: the process "died" before sending
    const started = now();
    const pass = await b?.acquire();
    const waited = now() - started;
    await pass?.release();
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(3_000);
  });

  it('hold() makes every client wait out a cool-down', async () => {
    const [a, b] = connections.map((redis) => new RateLimitGate(redis, { intervalMs: 20 }));
    await connections[0]?.del(gateKeys().lock, gateKeys().last);
    await a?.hold(400);
    const started = now();
    const pass = await b?.acquire();
    await pass?.release();
    expect(now() - started).toBeGreaterThanOrEqual(380);
  });
});

describe('the gate after Redis lost its keys', () => {
  it('still spaces the next grant by what the waiting clients remember', async () => {
    const [a, b] = connections.map((redis) => new RateLimitGate(redis, { intervalMs: 300 }));
    await connections[0]?.del(gateKeys().lock, gateKeys().last);
    const first = await a?.acquire();
    const sentAt = now();
    await first?.release();
    // b starts waiting, sees the last send, then Redis is wiped while it waits.
    const waiting = b?.acquire();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await connections[0]?.flushdb();
    const pass = await waiting;
    expect(now() - sentAt).toBeGreaterThanOrEqual(300);
    await pass?.release();
  });
});
