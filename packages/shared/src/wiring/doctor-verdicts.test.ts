import { describe, expect, it } from 'vitest';
import { probeDate } from './doctor.js';
import {
  appendonlyVerdict,
  bucketVerdict,
  budgetUsedUp,
  canStart,
  doctorExitCode,
  formatSeconds,
  maxmemoryPolicyVerdict,
  nbaAnswerVerdict,
  nbaFailureVerdict,
  paceVerdict,
  probeVerdict,
  queueVerdict,
  redisUnreachable,
  redisVersion,
} from './doctor-verdicts.js';
import { parseInfo } from './redis-settings.js';

const NOW = new Date('2025-01-10T12:00:00.000Z');
const pick = ({ status, finding, todo }: { status: string; finding: string; todo: string }) => ({
  status,
  finding,
  todo,
});

describe('exit code', () => {
  it('is 0 with warnings and skips, 1 with any FAIL', () => {
    expect(doctorExitCode([{ status: 'ok' }, { status: 'warn' }, { status: 'skip' }])).toBe(0);
    expect(canStart([{ status: 'ok' }, { status: 'FAIL' }])).toBe(false);
    expect(doctorExitCode([{ status: 'ok' }, { status: 'FAIL' }])).toBe(1);
  });
});

describe('redis', () => {
  it('names the URL and the error when Redis does not answer', () => {
    expect(pick(redisUnreachable('redis://h:6379/0', 'connect ECONNREFUSED 127.0.0.1:6379'))).toEqual({
      status: 'FAIL',
      finding: 'no answer from redis://h:6379/0: connect ECONNREFUSED 127.0.0.1:6379',
      todo: 'start Redis (`redis-server --appendonly yes --maxmemory-policy noeviction`; with Docker `docker compose up -d redis`) or fix REDIS_URL',
    });
    expect(redisUnreachable('redis://h', 'NOAUTH Authentication required.').todo).toMatch(
      /password .* in REDIS_URL/,
    );
  });

  it('fails below BullMQ minimum version, warns below its recommended one', () => {
    const v = (version: string) => redisVersion({ url: 'redis://h', version, pingMs: 0.4 }).status;
    expect([v('4.0.14'), v('6.0.16'), v('6.2.0'), v('7.4.8'), v('10.0.0')]).toEqual([
      'FAIL',
      'warn',
      'ok',
      'ok',
      'ok',
    ]);
    expect(redisVersion({ url: 'redis://h:1/0', version: '7.0.15', pingMs: 0.4 }).finding).toBe(
      'reachable at redis://h:1/0, Redis 7.0.15, PING 0.4 ms',
    );
  });

  it('fails without AOF, naming appendonly', () => {
    expect(pick(appendonlyVerdict({ value: 'no', source: 'CONFIG' }))).toEqual({
      status: 'FAIL',
      finding: 'appendonly no: a Redis restart loses the queue, the request gate and the progress record',
      todo: 'run redis-server with --appendonly yes (or `redis-cli CONFIG SET appendonly yes` then `CONFIG REWRITE`)',
    });
    expect(appendonlyVerdict({ value: 'yes', source: 'CONFIG' }).status).toBe('ok');
  });

  it('warns when CONFIG is refused, and still fails on what INFO shows', () => {
    const refused = "ERR unknown command 'CONFIG'";
    expect(appendonlyVerdict({ value: 'yes', source: 'INFO', configRefused: refused })).toMatchObject({
      status: 'warn',
      finding: `appendonly yes (from INFO aof_enabled; CONFIG GET refused (${refused}))`,
    });
    expect(appendonlyVerdict({ value: 'no', source: 'INFO', configRefused: refused }).status).toBe('FAIL');
    expect(appendonlyVerdict({ value: undefined, source: undefined, configRefused: refused })).toMatchObject({
      status: 'warn',
      finding: `unknown: CONFIG GET refused (${refused}) and INFO has no aof_enabled`,
    });
    expect(
      maxmemoryPolicyVerdict({ value: 'noeviction', source: 'INFO', configRefused: refused }).status,
    ).toBe('warn');
  });

  it('fails on any eviction policy, warns when nearly full', () => {
    expect(pick(maxmemoryPolicyVerdict({ value: 'allkeys-lru', source: 'CONFIG' }))).toEqual({
      status: 'FAIL',
      finding: 'maxmemory-policy allkeys-lru: Redis may evict queue keys and BullMQ loses jobs',
      todo: 'run redis-server with --maxmemory-policy noeviction (or `redis-cli CONFIG SET maxmemory-policy noeviction`)',
    });
    const setting = { value: 'noeviction', source: 'CONFIG' } as const;
    expect(maxmemoryPolicyVerdict(setting, { usedBytes: 5e6, maxBytes: 0 }).status).toBe('ok');
    expect(maxmemoryPolicyVerdict(setting, { usedBytes: 50 * 2 ** 20, maxBytes: 100 * 2 ** 20 }).status).toBe(
      'ok',
    );
    expect(
      maxmemoryPolicyVerdict(setting, { usedBytes: 95 * 2 ** 20, maxBytes: 100 * 2 ** 20 }).finding,
    ).toBe('noeviction, but 95% of maxmemory is used (95 MB of 100 MB): writes fail when it is full');
  });

  it('reads INFO lines', () => {
    const info = parseInfo('# Server\r\nredis_version:7.0.15\r\n# Persistence\r\naof_enabled:0\r\n\r\n');
    expect([info.get('redis_version'), info.get('aof_enabled'), info.get('# Server')]).toEqual([
      '7.0.15',
      '0',
      undefined,
    ]);
  });
});

describe('queue', () => {
  const counts = { waiting: 3, prioritized: 1, active: 1, delayed: 2, failed: 0 };

  it('is ok when running, a warning when paused, with why', () => {
    expect(queueVerdict({ paused: false, pauseReason: null, halt: undefined, counts }, NOW).finding).toBe(
      'running; jobs waiting 4, active 1, delayed 2, failed 0',
    );
    expect(
      pick(queueVerdict({ paused: true, pauseReason: 'maintenance', halt: undefined, counts }, NOW)),
    ).toEqual({
      status: 'warn',
      finding: 'paused (maintenance): workers take no job; jobs waiting 4, active 1, delayed 2, failed 0',
      todo: '`pnpm planner resume` when the workers should start',
    });
  });

  it('says when a halt probes next', () => {
    const halt = {
      cause: 'blocked' as const,
      since: '2025-01-10T11:50:00.000Z',
      reason: '10 timeouts in a row',
      probes: 2,
      nextProbeAt: '2025-01-10T12:04:00.000Z',
    };
    expect(pick(queueVerdict({ paused: true, pauseReason: halt.reason, halt, counts: {} }, NOW))).toEqual({
      status: 'warn',
      finding:
        'paused by itself: the API looked blocked since 2025-01-10 11:50:00 UTC (10 timeouts in a row); next probe at 2025-01-10 12:04:00 UTC (in 4m 00s), probes so far 2; jobs waiting 0, active 0, delayed 0, failed 0',
      todo: 'it resumes by itself once a probe gets an answer; `pnpm planner resume` resumes now',
    });
  });

  it('compares the stored pace with this process', () => {
    const own = { intervalMs: 5000, perHour: undefined };
    expect(paceVerdict({ own, planned: undefined, budget: undefined }, NOW)).toMatchObject({
      status: 'ok',
      finding: 'no pace stored (no plan yet); this process: 1 request / 5 s',
    });
    expect(paceVerdict({ own, planned: { ...own }, budget: undefined }, NOW).status).toBe('ok');
    const slower = paceVerdict(
      { own, planned: { intervalMs: 10_000, perHour: 300 }, budget: undefined },
      NOW,
    );
    expect(slower).toMatchObject({
      status: 'warn',
      finding:
        'plan: 1 request / 10 s, at most 300 an hour; this process: 1 request / 5 s; in force: 1 request / 10 s, at most 300 an hour',
    });
    expect(slower.data).toMatchObject({
      own: { intervalSeconds: 5, perHour: null },
      planned: { intervalSeconds: 10, perHour: 300 },
      effective: { intervalSeconds: 10, perHour: 300 },
    });
  });

  it('warns when the hourly budget has no slot now', () => {
    const own = { intervalMs: 50, perHour: 10 };
    const full = { perHour: 10, usedLastHour: 10, nextSlotAt: new Date('2025-01-10T12:30:00.000Z') };
    expect(budgetUsedUp(full, NOW)).toBe(true);
    expect(budgetUsedUp({ ...full, usedLastHour: 9 }, NOW)).toBe(false);
    expect(paceVerdict({ own, planned: { ...own }, budget: full }, NOW)).toMatchObject({
      status: 'warn',
      finding:
        'plan: 1 request / 0.05 s, at most 10 an hour; this process: 1 request / 0.05 s, at most 10 an hour; in force: 1 request / 0.05 s, at most 10 an hour; budget: 10 of 10 requests used in the last hour, next slot at 2025-01-10 12:30:00 UTC (in 30m 00s)',
    });
  });

  it('formats intervals in seconds', () => {
    expect([formatSeconds(5000), formatSeconds(50), formatSeconds(1250)]).toEqual([
      '5 s',
      '0.05 s',
      '1.25 s',
    ]);
  });
});

describe('s3', () => {
  const facts = { bucket: 'bronze', where: 'http://127.0.0.1:1 (region us-east-1)' };

  it('fails on a missing bucket or a server that does not answer, with the fix for each', () => {
    expect(bucketVerdict(facts, { exists: true }).finding).toBe(
      's3://bronze exists at http://127.0.0.1:1 (region us-east-1)',
    );
    expect(pick(bucketVerdict(facts, { exists: false }))).toEqual({
      status: 'FAIL',
      finding: 'no bucket bronze at http://127.0.0.1:1 (region us-east-1)',
      todo: 'create it (`aws s3 mb s3://<name>`, MinIO: `mc mb`) or fix S3_BUCKET_NAME / AWS_REGION',
    });
    expect(bucketVerdict(facts, { error: 'connect ECONNREFUSED 127.0.0.1:1' }).todo).toMatch(/^start S3/);
    expect(bucketVerdict(facts, { error: 'Forbidden, HTTP 403, UnknownError', status: 403 }).todo).toMatch(
      /^check the AWS credentials/,
    );
    expect(bucketVerdict(facts, { error: 'x', status: 301 }).todo).toBe(
      "set AWS_REGION to the bucket's region",
    );
  });

  it('names the probe step that failed', () => {
    expect(probeVerdict('p/_doctor/x.txt', { ms: 42 }).finding).toBe(
      'put, get and delete of p/_doctor/x.txt in 42 ms',
    );
    expect(
      probeVerdict('k', { step: 'put', error: 'AccessDenied, HTTP 403, denied', code: 'AccessDenied' }),
    ).toMatchObject({ status: 'FAIL', finding: 'put of k failed: AccessDenied, HTTP 403, denied' });
  });
});

describe('nba api', () => {
  const base = { url: 'http://sim/stats/leaguegamelog', date: '2025-01-15', proxied: false };

  it('reports status, latency, bytes and the gate wait; slow answers warn', () => {
    const answer = {
      url: base.url,
      date: base.date,
      status: 200,
      responseMs: 412,
      wireBytes: 1300,
      bodyBytes: 9000,
      rows: 18,
      gateWaitMs: 3,
      timeoutMs: 30_000,
    };
    expect(pick(nbaAnswerVerdict(answer))).toEqual({
      status: 'ok',
      finding:
        'HTTP 200 in 412 ms, 1.3 KB (8.8 KB decoded), 18 game row(s) for 2025-01-15; waited 3 ms for the gate',
      todo: '',
    });
    expect(nbaAnswerVerdict({ ...answer, responseMs: 16_000 }).status).toBe('warn');
  });

  it('on no answer names the likely causes and NBA_API_PROXY', () => {
    const message = 'leaguegamelog gave no answer within 1500 ms';
    expect(pick(nbaFailureVerdict({ ...base, kind: 'timeout', message }))).toEqual({
      status: 'FAIL',
      finding: 'no answer (timeout): leaguegamelog gave no answer within 1500 ms',
      todo: 'likely a cloud or datacenter IP (AWS, GCP, Azure...): stats.nba.com lets their requests hang. Run from a home or office connection, or set NBA_API_PROXY=http://user:password@proxy:port (only NBA requests go through it)',
    });
    expect(nbaFailureVerdict({ ...base, proxied: true, kind: 'timeout', message }).todo).toMatch(
      /^the proxy does not answer, or stats.nba.com lets its \(datacenter\) IP hang/,
    );
    expect(nbaFailureVerdict({ ...base, kind: 'connection', message: 'ECONNREFUSED' }).todo).toMatch(
      /NBA_API_PROXY=/,
    );
  });

  it('on a refused certificate names NBA_API_INSECURE_TLS for the simulator and a proxy for the real API', () => {
    const message = 'leaguegamelog: Failed to connect to the server: invalid certificate (UnknownIssuer)';
    expect(pick(nbaFailureVerdict({ ...base, kind: 'connection', message }))).toEqual({
      status: 'FAIL',
      finding: `the API's TLS certificate was refused (connection): ${message}`,
      todo: 'against the simulator (self-signed) set NBA_API_INSECURE_TLS=true; against stats.nba.com something between you and it intercepts TLS (a corporate proxy): route the requests through NBA_API_PROXY instead',
    });
  });

  it('fails on refusals and foreign bodies, warns on a server error', () => {
    const kinds = ['throttled', 'client', 'parse', 'empty', 'gate', 'state', 'server'];
    expect(kinds.map((kind) => nbaFailureVerdict({ ...base, kind, message: 'm' }).status)).toEqual([
      'FAIL',
      'FAIL',
      'FAIL',
      'FAIL',
      'FAIL',
      'FAIL',
      'warn',
    ]);
  });

  it('asks about mid-January of the season', () => {
    expect(probeDate('2024-25')).toEqual({ iso: '2025-01-15', param: '01/15/2025' });
    expect(probeDate('1999-00')).toEqual({ iso: '2000-01-15', param: '01/15/2000' });
  });
});
