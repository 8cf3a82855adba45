import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { createSelfSignedCertificate, type SimServer } from '@repo/nba-sim';
import { ENDPOINTS, NbaClient, NbaRequestError, type NbaResponse, type SentRequest } from '@repo/shared/nba';
import { createRedisConnection, gateKeys, RateLimitGate, type Redis } from '@repo/shared/queue';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEdgeSim } from './helpers/edge-sim.js';
import { freePort } from './helpers/redis-server.js';
import { testServices } from './helpers/services.js';

/**
 * The NBA client on its real transport (impit) against the simulator's edge, on a real Redis
 * gate: what a request looks like on the wire, its deadline, its error classes, and when it frees
 * the in-flight slot.
 */
const DB = 3;
const DAY = '2025-01-15';
/** The schedule request of one day, as `planner doctor` sends it. */
const GAME_LOG = {
  ...ENDPOINTS.schedule.params({ season: '2024-25', seasonType: 'Regular Season' }),
  DateFrom: '01/15/2025',
  DateTo: '01/15/2025',
};

let redis: Redis;
let sim: SimServer;
let statsUrl: string;
const clients: NbaClient[] = [];

function client(
  options: { intervalMs?: number; timeoutMs?: number; insecureTls?: boolean; baseUrl?: string } = {},
) {
  const sends: SentRequest[] = [];
  const nba = new NbaClient({
    baseUrl: options.baseUrl ?? statsUrl,
    timeoutMs: options.timeoutMs ?? 10_000,
    insecureTls: options.insecureTls ?? true,
    gate: new RateLimitGate(redis, { intervalMs: options.intervalMs ?? 50 }),
    onSend: (sent) => sends.push(sent),
  });
  clients.push(nba);
  return { nba, sends };
}

const redisNowUs = async () => {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1_000_000 + Number(micros);
};

const failureOf = (request: Promise<NbaResponse>) =>
  request.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error as NbaRequestError,
  );

beforeAll(async () => {
  redis = createRedisConnection(testServices().redisUrl(DB), 'nba-client-test');
  ({ sim, statsUrl } = await startEdgeSim({ seed: 5, dateFrom: DAY, dateTo: DAY }));
});

beforeEach(async () => {
  await redis.flushdb();
  // A gate that has run before: with no record at all it would wait a cap first (ADR 0001).
  await redis.set(gateKeys().last, '0');
  sim.requestLog.clear();
  sim.faults.setPlan({ seed: 1, rules: [] });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await sim?.close();
  await redis?.quit();
});

describe('the NBA client through the edge', () => {
  it('is answered as Chrome over HTTP/2, gzip on the wire, the send stamped on the Redis clock', async () => {
    const { nba, sends } = client();
    const before = await redisNowUs();
    const answer = await nba.get('leaguegamelog', GAME_LOG);
    const after = await redisNowUs();
    const games = sim.summary().games.length;
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as { resultSets: { rowSet: unknown[] }[] };
    expect(body.resultSets[0]?.rowSet).toHaveLength(2 * games);
    // impit decodes the gzip; wireBytes is what came over the wire.
    expect(answer.wireBytes).toBeGreaterThan(0);
    expect(answer.wireBytes).toBeLessThan(Buffer.byteLength(answer.body) / 2);
    expect(answer.sentAtUs).toBeGreaterThanOrEqual(before);
    expect(answer.sentAtUs).toBeLessThanOrEqual(after);
    expect(sends).toEqual([{ sentAtUs: answer.sentAtUs, endpoint: 'leaguegamelog', url: answer.url }]);

    const [entry] = sim.requestLog.entries();
    expect(entry).toMatchObject({ endpoint: 'leaguegamelog', httpVersion: '2' });
    expect(entry?.ja4).toMatch(/^t13i\d{4}h2_8daaf6152771_/);
    expect(entry?.headers).toMatchObject({
      accept: 'application/json, text/plain, */*',
      'accept-encoding': 'gzip, deflate, br, zstd',
      origin: 'https://www.nba.com',
      referer: 'https://www.nba.com/',
      'sec-fetch-mode': 'cors',
      'sec-fetch-dest': 'empty',
      'sec-fetch-site': 'same-site',
    });
    expect(entry?.headers['user-agent']).toMatch(/ Chrome\/151\.0\.0\.0 Safari\/537\.36$/);
    expect(entry?.headers['sec-ch-ua']).toContain('"Google Chrome";v="151"');
    expect(entry?.headers['sec-fetch-user']).toBeUndefined();
    expect(entry?.headers['upgrade-insecure-requests']).toBeUndefined();
  });

  it("refuses the simulator's self-signed certificate unless told to accept it (connection)", async () => {
    const { nba, sends } = client({ insecureTls: false });
    const failure = await failureOf(nba.get('leaguegamelog', GAME_LOG));
    expect(failure).toBeInstanceOf(NbaRequestError);
    expect(failure.kind).toBe('connection');
    expect(failure.message).toBe(
      'leaguegamelog: Failed to connect to the server: invalid certificate (UnknownIssuer)',
    );
    expect(sim.requestLog.entries()).toEqual([]);
    // It was handed over, so it counts as sent: the gate spaced it like any other.
    expect(sends).toHaveLength(1);
  });

  it('names a refused connection on one line (connection)', async () => {
    const port = await freePort();
    const { nba } = client({ baseUrl: `https://127.0.0.1:${port}/stats` });
    const failure = await failureOf(nba.get('leaguegamelog', GAME_LOG));
    expect(failure.kind).toBe('connection');
    expect(failure.message).toBe(
      `leaguegamelog: Failed to connect to the server (127.0.0.1:${port}): Connection refused`,
    );
  });

  it('gives up a stalled request at its deadline (timeout), and the slot at the hold cap, before that', async () => {
    sim.faults.setPlan({ seed: 1, rules: [{ times: 1, action: { kind: 'stall' } }] });
    // Interval 100 ms: the hold cap is 1 s, the deadline 2.5 s.
    const stalled = client({ intervalMs: 100, timeoutMs: 2_500 });
    const other = client({ intervalMs: 100 });
    const started = performance.now();
    const failure = failureOf(stalled.nba.get('leaguegamelog', GAME_LOG));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answered = await other.nba.get('leaguegamelog', GAME_LOG);
    const answeredAfterMs = performance.now() - started;
    const error = await failure;
    const failedAfterMs = performance.now() - started;

    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('leaguegamelog gave no answer within 2500 ms');
    expect(failedAfterMs).toBeGreaterThanOrEqual(2_500);
    expect(failedAfterMs).toBeLessThan(4_000);
    // The other request waited for the stalled one's slot to run out (1 s), not for its deadline.
    const [stalledSend] = stalled.sends;
    // (The cap runs from the stalled request's grant, which its send stamp can trail by a few ms
    // on a busy host: the gap is about 1 s, against 0.1 s without the stall.)
    expect(answered.sentAtUs - (stalledSend?.sentAtUs ?? 0)).toBeGreaterThanOrEqual(950_000);
    expect(answeredAfterMs).toBeLessThan(2_500);
  });
});

/** An HTTPS server (HTTP/2) that sends the headers at once and the rest of the body `bodyAfterMs` later. */
async function slowBodyServer(bodyAfterMs: number) {
  const { key, cert } = createSelfSignedCertificate();
  const server = http2.createSecureServer({ key, cert, allowHTTP1: true }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"resultSets":');
    const timer = setTimeout(() => res.end('[]}'), bodyAfterMs);
    res.on('close', () => clearTimeout(timer));
  });
  // The client keeps its HTTP/2 session open: close() ends them, or close would wait for it.
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `https://127.0.0.1:${(server.address() as AddressInfo).port}/stats`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.destroy();
      }),
  };
}

describe('a body that does not finish by the deadline', () => {
  it('fails as timeout, and its send is told once', async () => {
    const slow = await slowBodyServer(5_000);
    try {
      const { nba, sends } = client({ baseUrl: slow.baseUrl, timeoutMs: 400 });
      const failure = await failureOf(nba.get('leaguegamelog', GAME_LOG));
      expect(failure.kind).toBe('timeout');
      expect(failure.message).toBe('leaguegamelog gave no answer within 400 ms');
      expect(sends).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });
});

describe('the in-flight slot', () => {
  it("is freed at the answer's headers: the next request leaves while a slow body is still coming", async () => {
    // Headers at once, the body 800 ms later.
    const slow = await slowBodyServer(800);
    const { baseUrl } = slow;
    try {
      const first = client({ baseUrl, intervalMs: 50 });
      const second = client({ baseUrl, intervalMs: 50 });
      const [a, b] = await Promise.all([
        first.nba.get('leaguegamelog', GAME_LOG),
        new Promise((resolve) => setTimeout(resolve, 10)).then(() =>
          second.nba.get('leaguegamelog', GAME_LOG),
        ),
      ]);
      expect([a.body, b.body]).toEqual(['{"resultSets":[]}', '{"resultSets":[]}']);
      const gapUs = Math.abs(b.sentAtUs - a.sentAtUs);
      expect(gapUs).toBeGreaterThanOrEqual(50_000);
      // Held to the end of the body, the gap would be 800 ms or more.
      expect(gapUs).toBeLessThan(600_000);
    } finally {
      await slow.close();
    }
  });
});

describe('a grant that ran out before the hand-over', () => {
  /** The real gate, with the first `count` passes reported stale (a process starved of CPU). */
  function starvedClient(count: number) {
    const gate = new RateLimitGate(redis, { intervalMs: 20 });
    const granted: number[] = [];
    let stale = count;
    const sends: SentRequest[] = [];
    const nba = new NbaClient({
      baseUrl: statsUrl,
      insecureTls: true,
      gate: {
        acquire: async (signal) => {
          const pass = await gate.acquire(signal);
          granted.push(pass.grantedAtUs);
          const isStale = stale-- > 0;
          return { markSent: pass.markSent, release: pass.release, stale: () => isStale };
        },
      },
      onSend: (sent) => sends.push(sent),
    });
    clients.push(nba);
    return { nba, granted, sends };
  }

  it('is given up unsent and the gate asked again', async () => {
    const { nba, granted, sends } = starvedClient(2);
    const answer = await nba.get('leaguegamelog', GAME_LOG);
    expect(answer.status).toBe(200);
    expect(granted).toHaveLength(3);
    expect(sends).toHaveLength(1);
    expect(sim.requestLog.entries()).toHaveLength(1);
  });

  it('fails as connection after five in a row, having sent nothing', async () => {
    const { nba, granted, sends } = starvedClient(5);
    const failure = await failureOf(nba.get('leaguegamelog', GAME_LOG));
    expect(failure.kind).toBe('connection');
    expect(failure.message).toBe(
      'leaguegamelog: the request could not be sent within its grant 5 times in a row (is the process starved of CPU?)',
    );
    expect(granted).toHaveLength(5);
    expect(sends).toEqual([]);
    expect(sim.requestLog.entries()).toEqual([]);
  });
});
