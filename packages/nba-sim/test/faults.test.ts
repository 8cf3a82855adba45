import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FaultPlan, RequestLogEntry } from '../src/index.js';
import { NBA_API_QUERIES as Q, rawGet, type StartedSim, startSim } from './support/start-sim.js';

const BOX = `/stats/boxscoretraditionalv3?${Q.boxScore('0022400061')}`;
const PBP = `/stats/playbyplayv3?${Q.playByPlay('0022400061')}`;

describe('fault injection over HTTP', () => {
  let started: StartedSim;
  const url = (path: string) => `${started.url}${path}`;
  const putPlan = (plan: unknown) =>
    fetch(url('/__sim/faults'), {
      method: 'PUT',
      body: JSON.stringify(plan),
      headers: { 'content-type': 'application/json' },
    });
  const lastLog = (): RequestLogEntry | undefined => started.sim.requestLog.entries().at(-1);

  beforeAll(async () => {
    started = await startSim({ seed: 2, maxGames: 30 });
  });
  afterEach(async () => {
    await fetch(url('/__sim/faults'), { method: 'DELETE' });
  });
  afterAll(async () => {
    await started.sim.close();
  });

  it('reads, replaces and clears the plan at /__sim/faults', async () => {
    const plan: FaultPlan = { rules: [{ endpoint: 'playbyplayv3', action: { kind: 'server-error' } }] };
    expect((await putPlan(plan)).status).toBe(200);
    expect(await (await fetch(url('/__sim/faults'))).json()).toEqual(plan);
    const cleared = await fetch(url('/__sim/faults'), { method: 'DELETE' });
    expect(await cleared.json()).toEqual({ rules: [] });
  });

  it('refuses an invalid plan with 400 and keeps the old one', async () => {
    const res = await putPlan({ rules: [{ action: { kind: 'nope' } }] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/rules\[0\]\.action\.kind/);
    expect(await (await fetch(url('/__sim/faults'))).json()).toEqual({ rules: [] });
  });

  it('adds latency', async () => {
    await putPlan({ rules: [{ action: { kind: 'latency', ms: 150 } }] });
    const t0 = performance.now();
    const res = await rawGet(url(BOX));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(200);
    expect(lastLog()?.fault).toBe('latency');
  });

  it('answers 500 with the real error body, only for the matching endpoint', async () => {
    await putPlan({ rules: [{ endpoint: 'playbyplayv3', action: { kind: 'server-error' } }] });
    const res = await rawGet(url(PBP));
    expect(res.status).toBe(500);
    expect(res.body.toString('utf8')).toBe('{"Message":"An error has occurred."}');
    expect(lastLog()).toMatchObject({ status: 500, fault: 'server-error' });
    expect((await rawGet(url(BOX))).status).toBe(200);
  });

  it('answers 400 plain text', async () => {
    await putPlan({ rules: [{ action: { kind: 'bad-request', message: 'Invalid date' } }] });
    const res = await rawGet(url(BOX));
    expect([res.status, res.body.toString('utf8')]).toEqual([400, 'Invalid date']);
  });

  it('answers 200 {} and 200 with a wrong shape', async () => {
    await putPlan({
      rules: [
        { times: 1, action: { kind: 'empty-body' } },
        { times: 1, action: { kind: 'wrong-shape' } },
      ],
    });
    const empty = await rawGet(url(BOX));
    expect([empty.status, empty.body.toString('utf8')]).toEqual([200, '{}']);
    const wrong = JSON.parse((await rawGet(url(BOX))).body.toString('utf8')) as Record<string, unknown>;
    expect(wrong).not.toHaveProperty('boxScoreTraditional');
    expect(wrong).not.toHaveProperty('resultSets');
    expect((await rawGet(url(BOX))).status).toBe(200);
  });

  it('answers 429 with Retry-After and 403 with an HTML page', async () => {
    await putPlan({
      rules: [
        { times: 1, action: { kind: 'throttle', retryAfterSeconds: 12 } },
        { times: 1, action: { kind: 'forbidden' } },
      ],
    });
    const throttled = await rawGet(url(BOX));
    expect([throttled.status, throttled.headers['retry-after']]).toEqual([429, '12']);
    const forbidden = await rawGet(url(BOX));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.toString('utf8')).toContain('<TITLE>Access Denied</TITLE>');
  });

  it('stalls: accepts the request and never answers', async () => {
    await putPlan({ rules: [{ gameId: '0022400061', action: { kind: 'stall' } }] });
    const error = await fetch(url(PBP), { signal: AbortSignal.timeout(300) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe('TimeoutError');
    expect(lastLog()).toMatchObject({ status: null, fault: 'stall' });
  });

  it('resets the connection', async () => {
    await putPlan({ rules: [{ action: { kind: 'reset' } }] });
    const error = await rawGet(url(BOX)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as NodeJS.ErrnoException).code).toBe('ECONNRESET');
    expect(lastLog()).toMatchObject({ status: null, fault: 'reset' });
  });

  it('bans every request after N requests for M seconds', async () => {
    await putPlan({
      rules: [{ action: { kind: 'ban', afterRequests: 2, seconds: 0.4, mode: 'forbidden' } }],
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await rawGet(url(i % 2 === 0 ? BOX : PBP))).status);
    expect(statuses).toEqual([200, 200, 403, 403]);
    expect(lastLog()?.fault).toBe('ban:forbidden');
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await rawGet(url(BOX))).status).toBe(200);
  });

  it('applies a rate rule to a deterministic subset of requests', async () => {
    const run = async () => {
      await putPlan({ seed: 9, rules: [{ rate: 0.5, action: { kind: 'server-error' } }] });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await rawGet(url(BOX))).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 500]));
  });
});

describe('fault plan given at start', () => {
  it('applies options.faults and closes with a stalled request open', async () => {
    const started = await startSim({ maxGames: 5, faults: { rules: [{ action: { kind: 'stall' } }] } });
    const pending = fetch(`${started.url}${BOX}`).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await started.sim.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
