/**
 * Shutdown with a deadline, and what a process logs while its Redis is gone. Each test runs its
 * own redis-server on a free port (database 13), so it can kill it without touching the shared
 * test Redis; S3 is the test server with a bucket of this file's own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Socket } from 'node:net';
import type { SimServer } from '@repo/nba-sim';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeSim, startEdgeSim } from './helpers/edge-sim.js';
import { freePort } from './helpers/free-port.js';
import { type AppName, type RunningApp, runApp, startApp, waitFor } from './helpers/processes.js';
import { appEnv, createTestBucket, type TestServices, testServices } from './helpers/services.js';

const DB = 13;
const DEADLINE_SECONDS = 3;
/** Process start-up and exit on a busy 2-core machine, on top of the deadline. */
const SLACK_MS = 2_500;

interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  /** Kills it (SIGKILL, by pid) and waits until it is gone. */
  kill(): Promise<void>;
}

const redisServers: ChildProcess[] = [];
const apps: RunningApp[] = [];
let services: TestServices;
let bucket: string;
let sim: SimServer;
let apiEnv: EdgeSim['apiEnv'];

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

/** A redis-server of this test only, without persistence; `port` restarts one on the same port. */
async function startRedis(port?: number): Promise<PrivateRedis> {
  const listen = port ?? (await freePort());
  const child = spawn(
    'redis-server',
    ['--port', String(listen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  redisServers.push(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(
    `redis-server on ${listen}`,
    async () => ((await accepts(listen)) ? true : undefined),
    10_000,
  );
  return {
    port: listen,
    url: `redis://127.0.0.1:${listen}/${DB}`,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid as number, 'SIGKILL');
      await exited;
    },
  };
}

function start(app: AppName, redis: PrivateRedis, env: NodeJS.ProcessEnv = {}, args: string[] = []) {
  const running = startApp(
    app,
    appEnv(services, DB, {
      REDIS_URL: redis.url,
      S3_BUCKET_NAME: bucket,
      ...apiEnv,
      RATE_LIMIT_SECONDS: '0.05',
      SEASON_TYPES: 'Regular Season',
      SHUTDOWN_TIMEOUT_SECONDS: String(DEADLINE_SECONDS),
      ...env,
    }),
    args,
  );
  apps.push(running);
  return running;
}

/** Every line of a process's output, parsed: a line that is not JSON fails the test. */
function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`not a JSON log line: ${line}\n--- whole output ---\n${output}`);
      }
    });
}

const outage = (l: Record<string, unknown>) => /^redis (still )?unavailable/.test(String(l.msg));
const deadlineLine = (l: Record<string, unknown>) => /^shutdown deadline/.test(String(l.msg));

async function waitForLine(app: RunningApp, msg: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    `"${msg}" in the output`,
    async () => (app.output().includes(`"msg":"${msg}"`) ? true : undefined),
    timeoutMs,
  );
}

/**
 * Sends SIGTERM and resolves with the exit code and how long the exit took. A process still
 * running 10 s after its deadline gets SIGKILL (code null), so a hang fails the assertions with
 * the process's output rather than timing the test out.
 */
async function terminate(app: RunningApp): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const kill = setTimeout(() => app.child.kill('SIGKILL'), DEADLINE_SECONDS * 1000 + 10_000);
  const code = await app.stop('SIGTERM');
  clearTimeout(kill);
  return { code, ms: Date.now() - started };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  services = testServices();
  bucket = await createTestBucket(services, 'shutdown');
  ({ sim, apiEnv } = await startEdgeSim({
    seed: 41,
    dateFrom: '2024-10-22',
    dateTo: '2024-10-22',
    maxGames: 1,
  }));
});

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop('SIGKILL')));
  for (const child of redisServers.splice(0))
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid as number, 'SIGKILL');
});

afterAll(async () => {
  await sim?.close();
});

describe('shutdown when Redis is gone', () => {
  it('a worker exits 1 within SHUTDOWN_TIMEOUT_SECONDS, says once what was left, and logs the outage once', async () => {
    const redis = await startRedis();
    const worker = start('worker', redis);
    await waitForLine(worker, 'worker started');
    await redis.kill();
    // A few seconds of lost connection: ioredis retries and every queue and worker re-emits.
    await sleep(4_000);
    const { code, ms } = await terminate(worker);
    const output = worker.output();

    expect(code, output).toBe(1);
    expect(ms, output).toBeGreaterThanOrEqual(DEADLINE_SECONDS * 1000 - 100);
    expect(ms, output).toBeLessThan(DEADLINE_SECONDS * 1000 + SLACK_MS);
    const lines = jsonLines(output);
    const deadline = lines.filter(deadlineLine);
    expect(deadline, output).toHaveLength(1);
    expect(deadline[0]).toMatchObject({
      level: 'error',
      component: 'worker',
      reason: 'SIGTERM',
      timeout_seconds: DEADLINE_SECONDS,
    });
    const left = deadline[0]?.left as string[];
    expect(left).toContain('final checkpoint');
    expect(left.at(-1)).toBe('redis');
    const lost = lines.filter(outage);
    expect(lost.length, output).toBeGreaterThanOrEqual(1);
    expect(lost.length, output).toBeLessThanOrEqual(2);
    // Refused when Redis was idle as it went; reset, or a broken pipe, when a command (the drain
    // checkpoint, a blocking read) was in flight.
    expect(lost[0]).toMatchObject({ level: 'error' });
    expect(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']).toContain(
      (lost[0]?.err as { code?: string } | undefined)?.code,
    );
  }, 30_000);

  it('the dashboard has nothing left and exits 0; a planner command in flight exits 1 at the deadline', async () => {
    const redis = await startRedis();
    const dashboard = start('dashboard', redis, { DASHBOARD_PORT: String(await freePort()) });
    await waitForLine(dashboard, 'dashboard listening');
    await redis.kill();
    // Redis is gone before the command starts: `status` waits for it, like any Redis read.
    const planner = start('planner', redis, {}, ['status']);
    await sleep(4_000);
    const [board, plan] = await Promise.all([terminate(dashboard), terminate(planner)]);

    expect(board.code, dashboard.output()).toBe(0);
    expect(board.ms).toBeLessThan(SLACK_MS);
    const boardLines = jsonLines(dashboard.output());
    expect(boardLines.filter(outage).length, dashboard.output()).toBe(1);
    expect(boardLines.filter(deadlineLine)).toEqual([]);

    expect(plan.code, planner.output()).toBe(1);
    expect(plan.ms).toBeLessThan(DEADLINE_SECONDS * 1000 + SLACK_MS);
    const planLines = jsonLines(planner.output());
    expect(planLines.filter(outage).length, planner.output()).toBe(1);
    const deadline = planLines.filter(deadlineLine);
    expect(deadline, planner.output()).toHaveLength(1);
    expect(deadline[0]?.left).toEqual(['command', 's3', 'nba client', 'maintenance queue', 'queue', 'redis']);
  }, 30_000);
});

describe('Redis back after an outage', () => {
  it('the worker says so once, takes jobs again, and exits 0 on SIGTERM', async () => {
    const first = await startRedis();
    const worker = start('worker', first);
    await waitForLine(worker, 'worker started');
    await first.kill();
    await sleep(2_500);
    const again = await startRedis(first.port);
    await waitForLine(worker, 'redis connection restored', 20_000);
    // The planner's enqueue and the worker's jobs go through the restored connection.
    const env = appEnv(services, DB, {
      REDIS_URL: again.url,
      S3_BUCKET_NAME: bucket,
      ...apiEnv,
      RATE_LIMIT_SECONDS: '0.05',
      SEASON_TYPES: 'Regular Season',
    });
    const enqueued = await runApp('planner', ['enqueue', 'season'], env);
    expect(enqueued.code, enqueued.stderr).toBe(0);
    const total = 1 + 2 * sim.summary().games.length;
    await waitFor(
      `${total} jobs done`,
      async () =>
        jsonLines(worker.output()).filter((l) => l.msg === 'job done').length === total ? true : undefined,
      30_000,
    );
    const { code, ms } = await terminate(worker);
    const output = worker.output();

    expect(code, output).toBe(0);
    expect(ms, output).toBeLessThan(SLACK_MS);
    const lines = jsonLines(output);
    expect(
      lines.filter((l) => l.msg === 'redis connection restored'),
      output,
    ).toHaveLength(1);
    expect(lines.filter(outage).length, output).toBe(1);
    expect(lines.filter(deadlineLine)).toEqual([]);
    expect(lines.filter((l) => l.msg === 'progress').at(-1)?.reason).toBe('shutdown');
  }, 60_000);
});
