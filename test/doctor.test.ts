import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimServer } from '@repo/nba-sim';
import {
  createRedisConnection,
  createRequestQueue,
  pauseRequests,
  type Redis,
  storePlannedPace,
} from '@repo/shared/queue';
import type { DoctorCheck, DoctorReport } from '@repo/shared/wiring';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BronzeReader } from './helpers/bronze-reader.js';
import { type EdgeSim, startEdgeSim } from './helpers/edge-sim.js';
import { type RunResult, runApp } from './helpers/processes.js';
import { freePort, OwnRedis } from './helpers/redis-server.js';
import { appEnv, createTestBucket, testServices } from './helpers/services.js';

/**
 * `planner doctor` against real services: Redis servers of this file's own (one as a backfill
 * needs it, one without AOF, one that refuses CONFIG), the shared S3 server with a bucket of its
 * own, and the simulator. The shared Redis is not used (db 12 is this file's, should it be).
 */
const DB = 12;
const PASSWORD = 'doctor-redis-pw';
const services = testServices();
const dirs: string[] = [];
let sim: SimServer;
let statsUrl: string;
let apiEnv: EdgeSim['apiEnv'];
let healthy: OwnRedis;
let noAof: OwnRedis;
let noConfig: OwnRedis;
let redis: Redis;
let reader: BronzeReader;
let env: NodeJS.ProcessEnv;

/** A folder for a Redis that persists (AOF), so it never writes in the working directory. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'doctor-redis-'));
  dirs.push(dir);
  return dir;
}

/**
 * An HTTP proxy on loopback (CONNECT tunnels, as undici's ProxyAgent asks for them) that lets
 * through only tunnels to 127.0.0.1 and records the Proxy-Authorization of each.
 */
async function startProxy(): Promise<{ server: Server; url: string; auth: (string | undefined)[] }> {
  const auth: (string | undefined)[] = [];
  const server = createHttpServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client, head) => {
    auth.push(req.headers['proxy-authorization']);
    const [host, port] = (req.url ?? '').split(':');
    if (host !== '127.0.0.1') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}`, auth };
}

function withPassword(url: string): string {
  return url.replace('redis://', `redis://:${PASSWORD}@`);
}

async function doctorJson(
  extra: NodeJS.ProcessEnv = {},
): Promise<{ result: RunResult; report: DoctorReport }> {
  const result = await runApp('planner', ['doctor', '--json'], { ...env, ...extra }, 60_000);
  let report: DoctorReport;
  try {
    report = JSON.parse(result.stdout) as DoctorReport;
  } catch {
    throw new Error(
      `doctor --json printed no JSON (exit ${result.code})\n${result.stdout}\n${result.stderr}`,
    );
  }
  return { result, report };
}

function check(report: DoctorReport, id: DoctorCheck['id']): DoctorCheck {
  const found = report.checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no check ${id} in ${JSON.stringify(report)}`);
  return found;
}

const statuses = (report: DoctorReport) => Object.fromEntries(report.checks.map((c) => [c.id, c.status]));

const ALL_OK = {
  config: 'ok',
  redis: 'ok',
  'redis.appendonly': 'ok',
  'redis.maxmemory-policy': 'ok',
  queue: 'ok',
  'queue.pace': 'ok',
  's3.bucket': 'ok',
  's3.probe': 'ok',
  'nba.api': 'ok',
  'nba.browser': 'ok',
};

beforeAll(async () => {
  // One game day of the simulated season: the doctor asks about 15 January.
  ({ sim, statsUrl, apiEnv } = await startEdgeSim({ seed: 5, dateFrom: '2025-01-15', dateTo: '2025-01-15' }));
  // One at a time, so that afterAll stops every one that started.
  healthy = await OwnRedis.start([
    '--appendonly',
    'yes',
    '--maxmemory-policy',
    'noeviction',
    '--requirepass',
    PASSWORD,
    '--dir',
    dataDir(),
  ]);
  noAof = await OwnRedis.start(['--maxmemory-policy', 'noeviction']);
  noConfig = await OwnRedis.start([
    '--appendonly',
    'yes',
    '--dir',
    dataDir(),
    '--rename-command',
    'CONFIG',
    '',
  ]);
  redis = createRedisConnection(withPassword(healthy.url), 'doctor-test');
  const bucket = await createTestBucket(services, 'doctor');
  reader = new BronzeReader(services, bucket);
  env = appEnv(services, DB, {
    S3_BUCKET_NAME: bucket,
    ...apiEnv,
    RATE_LIMIT_SECONDS: '0.05',
    REDIS_URL: withPassword(healthy.url),
  });
});

beforeEach(async () => {
  await redis.flushdb();
  sim.requestLog.clear();
  sim.faults.setPlan({ seed: 1, rules: [] });
});

afterAll(async () => {
  await redis?.quit();
  await reader?.close();
  await sim?.close();
  await Promise.all([healthy?.stop(), noAof?.stop(), noConfig?.stop()]);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('planner doctor', () => {
  it('passes every check on healthy services, with one real request through the gate, and exits 0', async () => {
    const { result, report } = await doctorJson();
    expect(result.code, result.stderr).toBe(0);
    expect(report).toMatchObject({ ok: true, exitCode: 0, summary: { ok: 10, warn: 0, FAIL: 0, skip: 0 } });
    expect(statuses(report)).toEqual(ALL_OK);
    expect(check(report, 'config').finding).toBe(
      'valid: season 2024-25, 8 of 34 variables set, the others default',
    );
    expect(check(report, 'redis').finding).toMatch(
      new RegExp(
        `^reachable at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${healthy.port}/0, Redis \\d+\\.\\d+\\.\\d+, PING [\\d.]+ ms$`,
      ),
    );
    expect(check(report, 'redis.appendonly')).toMatchObject({ finding: 'appendonly yes', todo: '' });
    expect(check(report, 'redis.maxmemory-policy')).toMatchObject({ finding: 'noeviction', todo: '' });
    expect(check(report, 'queue').finding).toBe('running; jobs waiting 0, active 0, delayed 0, failed 0');
    expect(check(report, 'queue.pace').finding).toBe(
      'no pace stored (no plan yet); this process: 1 request / 0.05 s',
    );
    expect(check(report, 's3.bucket').finding).toBe(
      `s3://${env.S3_BUCKET_NAME} exists at ${services.s3Endpoint} (region ${services.region})`,
    );
    expect(check(report, 's3.probe').finding).toMatch(
      /^put, get and delete of backfill-state\/_doctor\/[0-9a-f-]{36}\.txt in \d+ ms$/,
    );
    expect(await reader.keys()).toEqual([]);

    // The NBA check: one leaguegamelog request for one day, with the product's headers.
    const games = sim.summary().games.length;
    expect(games).toBeGreaterThan(0);
    const nba = check(report, 'nba.api');
    expect(nba.finding).toMatch(
      new RegExp(
        `^HTTP 200 in \\d+ ms, [\\d.]+ (B|KB) \\([\\d.]+ (B|KB) decoded\\), ${2 * games} game row\\(s\\) for 2025-01-15; waited \\d+ ms for the gate$`,
      ),
    );
    expect(nba.data).toMatchObject({ url: `${statsUrl}/leaguegamelog`, status: 200, rows: 2 * games });
    const requests = sim.requestLog.entries().filter((e) => e.endpoint !== null);
    expect(
      requests.map((e) => [e.endpoint, e.query.DateFrom, e.query.DateTo, e.query.Season, e.query.SeasonType]),
    ).toEqual([['leaguegamelog', '01/15/2025', '01/15/2025', '2024-25', 'Regular Season']]);
    // Through the edge, as the browser the check names.
    expect(requests[0]).toMatchObject({
      httpVersion: '2',
      ja4: expect.stringMatching(/^t13i\d{4}h2_8daaf6152771_/),
    });
    expect(requests[0]?.headers['user-agent']).toContain('Chrome/151.0.0.0');
    expect(check(report, 'nba.browser').finding).toBe(
      "passes for Chrome 151 on Windows: impit (the browser's TLS handshake, HTTP/2 settings and headers), profile chrome151",
    );

    // The configuration as loaded, secrets masked.
    expect(report.config?.REDIS_URL).toEqual({
      value: `redis://:***@127.0.0.1:${healthy.port}/0`,
      source: 'env',
    });
    expect(report.config?.SEASON).toEqual({ value: '2024-25', source: 'default' });
    expect(result.stdout).not.toContain(PASSWORD);
  });

  it('prints the table by default, secrets masked', async () => {
    const result = await runApp(
      'planner',
      ['doctor'],
      { ...env, DASHBOARD_USER: 'admin', DASHBOARD_PASSWORD: 'dash-secret-pw' },
      60_000,
    );
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^planner doctor, \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    expect(lines[2]).toMatch(/^status {2}check {19}finding {2,}what to do$/);
    for (const id of Object.keys(ALL_OK))
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^ok {6}${id.replace('.', '\\.')} +\\S`)),
      );
    expect(lines).toContain('ok      redis.appendonly        appendonly yes');
    expect(lines).toContain('  * DASHBOARD_PASSWORD             ***');
    expect(lines).toContain(`  * REDIS_URL                      redis://:***@127.0.0.1:${healthy.port}/0`);
    expect(lines.at(-2)).toBe(
      'Ready: nothing FAILed, no warnings. Start with `pnpm planner enqueue season`.',
    );
    expect(result.stdout).not.toMatch(/dash-secret-pw|doctor-redis-pw/);
  });

  it('exits 1 naming S3 when S3 does not answer', async () => {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const { result, report } = await doctorJson({ S3_ENDPOINT: endpoint });
    expect(result.code).toBe(1);
    expect(report).toMatchObject({ ok: false, exitCode: 1, summary: { ok: 8, warn: 0, FAIL: 1, skip: 1 } });
    expect(statuses(report)).toEqual({ ...ALL_OK, 's3.bucket': 'FAIL', 's3.probe': 'skip' });
    expect(check(report, 's3.bucket')).toMatchObject({
      finding: `S3 at ${endpoint} (region ${services.region}) did not answer: connect ECONNREFUSED 127.0.0.1:${port}`,
      todo: 'start S3 (with Docker `docker compose up -d minio`) or fix S3_ENDPOINT (unset for AWS S3) and S3_FORCE_PATH_STYLE',
    });
    expect(check(report, 's3.probe').finding).toBe('not checked: the bucket check failed');

    const table = await runApp('planner', ['doctor'], { ...env, S3_ENDPOINT: endpoint }, 60_000);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(
      new RegExp(`^FAIL {4}s3\\.bucket {15}S3 at http://127\\.0\\.0\\.1:${port} \\(region`, 'm'),
    );
    expect(table.stdout.trimEnd().split('\n').at(-1)).toBe(
      'Not ready: 1 FAIL (s3.bucket), no warnings. Fix what FAILed and run `pnpm planner doctor` again.',
    );
  });

  it('exits 1 naming appendonly on a Redis without AOF', async () => {
    const { result, report } = await doctorJson({ REDIS_URL: noAof.url });
    expect(result.code).toBe(1);
    expect(statuses(report)).toEqual({ ...ALL_OK, 'redis.appendonly': 'FAIL' });
    expect(check(report, 'redis.appendonly')).toEqual({
      id: 'redis.appendonly',
      status: 'FAIL',
      finding: 'appendonly no: a Redis restart loses the queue, the request gate and the progress record',
      todo: 'run redis-server with --appendonly yes (or `redis-cli CONFIG SET appendonly yes` then `CONFIG REWRITE`)',
      data: { value: 'no', source: 'CONFIG' },
    });
    const table = await runApp('planner', ['doctor'], { ...env, REDIS_URL: noAof.url }, 60_000);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/^FAIL {4}redis\.appendonly {8}appendonly no: a Redis restart loses/m);
    expect(table.stdout.trimEnd().split('\n').at(-1)).toBe(
      'Not ready: 1 FAIL (redis.appendonly), no warnings. Fix what FAILed and run `pnpm planner doctor` again.',
    );
  });

  it('exits 1 naming the NBA API and NBA_API_PROXY when every request stalls, within its guard', async () => {
    sim.faults.setPlan({ seed: 1, rules: [{ action: { kind: 'stall' } }] });
    const started = Date.now();
    const { result, report } = await doctorJson({ NBA_API_TIMEOUT_MS: '1500' });
    const tookMs = Date.now() - started;
    expect(result.code).toBe(1);
    expect(statuses(report)).toEqual({ ...ALL_OK, 'nba.api': 'FAIL' });
    expect(check(report, 'nba.api')).toMatchObject({
      finding: 'no answer (timeout): leaguegamelog gave no answer within 1500 ms',
      todo: 'likely a cloud or datacenter IP (AWS, GCP, Azure...): stats.nba.com lets their requests hang. Run from a home or office connection, or set NBA_API_PROXY=http://user:password@proxy:port (only NBA requests go through it)',
      data: { kind: 'timeout', url: `${statsUrl}/leaguegamelog`, proxied: false },
    });
    // One request, no retry; the doctor's own start-up (tsx) is most of the rest.
    expect(sim.requestLog.entries().filter((e) => e.endpoint !== null)).toHaveLength(1);
    expect(tookMs).toBeLessThan(15_000);
  });

  it('sends the request through NBA_API_PROXY, with its credentials, and masks them', async () => {
    const proxy = await startProxy();
    try {
      const proxyUrl = proxy.url.replace('http://', 'http://acct-7:proxy-pw@');
      const { result, report } = await doctorJson({ NBA_API_PROXY: proxyUrl });
      expect(result.code, result.stdout).toBe(0);
      expect(statuses(report)).toEqual(ALL_OK);
      expect(proxy.auth).toEqual([`Basic ${Buffer.from('acct-7:proxy-pw').toString('base64')}`]);
      expect(sim.requestLog.entries().filter((e) => e.endpoint === 'leaguegamelog')).toHaveLength(1);
      expect(report.config?.NBA_API_PROXY).toEqual({
        value: proxy.url.replace('http://', 'http://***:***@'),
        source: 'env',
      });
      expect(result.stdout).not.toMatch(/acct-7|proxy-pw/);
    } finally {
      await new Promise((resolve) => proxy.server.close(resolve));
      proxy.server.closeAllConnections();
    }
  });

  it('exits 1 naming the proxy when NBA_API_PROXY does not answer', async () => {
    const port = await freePort();
    const { result, report } = await doctorJson({ NBA_API_PROXY: `http://u:pw@127.0.0.1:${port}` });
    expect(result.code).toBe(1);
    expect(statuses(report)).toEqual({ ...ALL_OK, 'nba.api': 'FAIL' });
    expect(check(report, 'nba.api')).toMatchObject({
      finding: `no connection through NBA_API_PROXY (connection): leaguegamelog: Failed to connect to the server (127.0.0.1:${port}): Connection refused`,
      todo: 'the proxy refused or could not be reached: check its address and credentials in NBA_API_PROXY',
    });
  });

  it('warns (exit 0) about a paused queue and a plan that paces differently', async () => {
    const queue = createRequestQueue(redis);
    await pauseRequests(queue, redis, 'maintenance window');
    await queue.close();
    await storePlannedPace(redis, { intervalMs: 100, perHour: 500 });
    const { result, report } = await doctorJson();
    expect(result.code).toBe(0);
    expect(statuses(report)).toEqual({ ...ALL_OK, queue: 'warn', 'queue.pace': 'warn' });
    expect(check(report, 'queue')).toMatchObject({
      finding:
        'paused (maintenance window): workers take no job; jobs waiting 0, active 0, delayed 0, failed 0',
      todo: '`pnpm planner resume` when the workers should start',
    });
    expect(check(report, 'queue.pace').finding).toMatch(
      /^plan: 1 request \/ 0\.1 s, at most 500 an hour; this process: 1 request \/ 0\.05 s; in force: 1 request \/ 0\.1 s, at most 500 an hour; budget: [01] of 500 requests used in the last hour, next slot now$/,
    );
    // The doctor's request took one slot of the budget.
    expect(await redis.zcard('nba-backfill:gate:sends')).toBe(1);
  });

  it('warns (exit 0) when CONFIG is refused and reads the settings from INFO', async () => {
    const { result, report } = await doctorJson({ REDIS_URL: noConfig.url });
    expect(result.code).toBe(0);
    expect(statuses(report)).toEqual({
      ...ALL_OK,
      'redis.appendonly': 'warn',
      'redis.maxmemory-policy': 'warn',
    });
    expect(check(report, 'redis.appendonly').finding).toMatch(
      /^appendonly yes \(from INFO aof_enabled; CONFIG GET refused \(ERR unknown command 'config'.*\)\)$/i,
    );
    expect(check(report, 'redis.maxmemory-policy').finding).toMatch(
      /^noeviction \(from INFO; CONFIG GET refused \(ERR unknown command 'config'.*\)\)$/i,
    );
  });
});
