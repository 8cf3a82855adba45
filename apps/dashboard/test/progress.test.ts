import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  createMaintenanceQueue,
  createRequestQueue,
  haltKey,
  haltRequests,
  pauseReasonKey,
  pauseRequests,
  type RequestQueue,
} from '@repo/shared/queue';
import { type Progress, RedisState } from '@repo/shared/state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BronzeReader } from '../../../test/helpers/bronze-reader.js';
import { FAILED_MESSAGE, type FailedRun, RUN_DAY, startFailedRun } from '../../../test/helpers/failed-run.js';
import { type RunningApp, runApp, startApp, waitFor } from '../../../test/helpers/processes.js';
import { testServices } from '../../../test/helpers/services.js';
import { parsePrometheusText, type Sample } from './prometheus-text.js';

/**
 * `/`, `/api/progress` and `/metrics` against a real run (planner, a worker process, the
 * simulator) with a known outcome: of five items, four are done and one box score failed
 * because the simulator answered 400.
 */
const DB = 12;
const PORT = 3920;
const BASE = `http://127.0.0.1:${PORT}`;
const services = testServices();
let run: FailedRun;
let dashboard: RunningApp;
let queue: RequestQueue;

beforeAll(async () => {
  run = await startFailedRun(services, DB, 'dashboard-progress');
  // Stop the worker so nothing moves while the numbers are read.
  expect(await run.worker.stop('SIGTERM')).toBe(0);
  queue = createRequestQueue(run.redis);
  dashboard = startApp('dashboard', { ...run.env, DASHBOARD_PORT: String(PORT), LOG_LEVEL: 'info' });
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
  await run?.close();
});

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${BASE}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** Bytes and Parquet rows of what the workers stored (the planner's schedule files excluded). */
async function storedByWorkers(): Promise<{ bytes: number; rows: number }> {
  const s3 = new S3Client({
    region: services.region,
    endpoint: services.s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: services.accessKeyId, secretAccessKey: services.secretAccessKey },
  });
  const reader = new BronzeReader(services, run.bucket);
  try {
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: run.bucket, Prefix: 'historical-backfill/' }),
    );
    const objects = (listed.Contents ?? []).filter(
      (o) => !/\/games\/|\/_raw\/schedule\//.test(o.Key ?? '') && !(o.Key ?? '').includes('/_quarantine/'),
    );
    let rows = 0;
    for (const o of objects) if (o.Key?.endsWith('.parquet')) rows += await reader.rowCount(o.Key);
    return { bytes: objects.reduce((sum, o) => sum + (o.Size ?? 0), 0), rows };
  } finally {
    s3.destroy();
    await reader.close();
  }
}

describe('/api/progress after a run with one failed item', () => {
  let progress: Progress;
  beforeAll(async () => {
    progress = await getJson<Progress>('/api/progress');
  });

  it('counts four items done and one failed, per request type and overall', () => {
    expect(run.games).toHaveLength(2);
    expect(progress.season).toBe('2024-25');
    expect(progress.requests).toEqual({
      players: { planned: 1, completed: 1, failed: 0, retrying: 0, pending: 0 },
      'box-score': { planned: 2, completed: 1, failed: 1, retrying: 0, pending: 0 },
      'play-by-play': { planned: 2, completed: 2, failed: 0, retrying: 0, pending: 0 },
    });
    expect(progress.overall).toEqual({ planned: 5, completed: 4, failed: 1, retrying: 0, pending: 0 });
    expect(progress.queue).toEqual({
      name: 'nba-requests',
      paused: false,
      pauseReason: null,
      counts: { waiting: 0, active: 0, delayed: 0, prioritized: 0, completed: 4, failed: 1, paused: 0 },
      rateLimitSeconds: 0.05,
      budget: null,
      halt: null,
    });
    expect(progress.etaSeconds).toBe(0);
    // Four items over the time the run has been going (at least 15 s), not over ten minutes.
    const minutes = Math.max(
      0.25,
      (Date.parse(progress.generatedAt) - Date.parse(progress.startedAt ?? '')) / 60_000,
    );
    expect(progress.ratePerMinute).toBe(Math.round((4 / Math.min(10, minutes)) * 100) / 100);
  });

  it('names the failure: class client, the message, one attempt; errors by class and the calendar agree', () => {
    expect(progress.errorsByClass).toEqual({ client: 1 });
    expect(progress.failures).toEqual([
      {
        id: run.failedJobId,
        errorClass: 'client',
        message: FAILED_MESSAGE,
        attempts: 1,
        updatedAt: expect.any(String),
      },
    ]);
    expect(progress.calendar).toEqual([{ date: RUN_DAY, planned: 4, completed: 3, failed: 1 }]);
  });

  it('totals match the simulator request log and what is on S3', async () => {
    const answered = run.sim.requestLog.entries().filter((e) => e.endpoint !== null && e.status !== null);
    expect(progress.totals.requests).toBe(answered.length);
    expect(answered).toHaveLength(6);
    expect(progress.totals).toEqual({ requests: 6, ...(await storedByWorkers()) });
    expect(progress.totals.rows).toBeGreaterThan(0);
  });

  it('is exactly what `planner status --json` prints', async () => {
    const result = await runApp('planner', ['status', '--json'], run.env);
    expect(result.code).toBe(0);
    const fromPlanner = JSON.parse(result.stdout) as Progress;
    const fresh = await getJson<Progress>('/api/progress');
    expect({ ...fresh, generatedAt: 'x' }).toEqual({ ...fromPlanner, generatedAt: 'x' });
  });
});

describe('/metrics after the same run', () => {
  let samples: Sample[];
  const value = (name: string, labels: Record<string, string> = {}) => {
    const wanted = { season: '2024-25', ...labels };
    const found = samples.filter(
      (s) =>
        s.name === name &&
        Object.keys(s.labels).length === Object.keys(wanted).length &&
        Object.entries(wanted).every(([k, v]) => s.labels[k] === v),
    );
    expect(found, `${name} ${JSON.stringify(labels)}`).toHaveLength(1);
    return found[0]?.value;
  };

  beforeAll(async () => {
    const response = await fetch(`${BASE}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    samples = parsePrometheusText(await response.text());
  });

  it('gives jobs by state, items per request type and the paused gauge', () => {
    expect(value('nba_backfill_jobs', { queue: 'nba-requests', state: 'completed' })).toBe(4);
    expect(value('nba_backfill_jobs', { queue: 'nba-requests', state: 'failed' })).toBe(1);
    expect(value('nba_backfill_jobs', { queue: 'nba-requests', state: 'waiting' })).toBe(0);
    expect(value('nba_backfill_queue_paused', { queue: 'nba-requests' })).toBe(0);
    for (const [request, planned, completed, failed] of [
      ['players', 1, 1, 0],
      ['box-score', 2, 1, 1],
      ['play-by-play', 2, 2, 0],
    ] as const) {
      expect(value('nba_backfill_items_planned', { request })).toBe(planned);
      expect(value('nba_backfill_items_completed', { request })).toBe(completed);
      expect(value('nba_backfill_items_failed', { request })).toBe(failed);
      expect(value('nba_backfill_items_pending', { request })).toBe(0);
    }
  });

  it('gives requests, errors by class, rows and bytes equal to /api/progress', async () => {
    const progress = await getJson<Progress>('/api/progress');
    expect(value('nba_backfill_requests_total')).toBe(6);
    expect(value('nba_backfill_errors_total', { class: 'client' })).toBe(1);
    expect(value('nba_backfill_errors_total', { class: 'timeout' })).toBe(0);
    expect(value('nba_backfill_stored_bytes_total')).toBe(progress.totals.bytes);
    expect(value('nba_backfill_stored_rows_total')).toBe(progress.totals.rows);
    expect(value('nba_backfill_eta_seconds')).toBe(0);
  });

  it('has an API latency histogram of the latency samples kept in Redis', async () => {
    const latencies = await new RedisState(run.redis, '2024-25').getLatencies();
    expect(latencies.length).toBeGreaterThanOrEqual(4);
    expect(value('nba_backfill_api_latency_seconds_count')).toBe(latencies.length);
    expect(value('nba_backfill_api_latency_seconds_sum')).toBeCloseTo(
      latencies.reduce((a, b) => a + b, 0) / 1000,
      6,
    );
    expect(value('nba_backfill_api_latency_seconds_bucket', { le: '+Inf' })).toBe(latencies.length);
    expect(value('nba_backfill_api_latency_seconds_bucket', { le: '0.1' })).toBe(
      latencies.filter((ms) => ms / 1000 <= 0.1).length,
    );
  });
});

describe('the progress page', () => {
  it('shows 80%, the failure, and the game day as failed, with no external asset', async () => {
    const response = await fetch(`${BASE}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain('data-testid="overall-percent">80<');
    expect(page).toContain('1 item failed for good');
    expect(page).toContain(`data-item="${run.failedJobId}"`);
    expect(page).toContain(FAILED_MESSAGE);
    expect(page).toMatch(
      new RegExp(
        `class="day failed" data-date="${RUN_DAY}"[^>]*data-tip="[^"]*3 of 4 done, 1 failed, 0 pending"`,
      ),
    );
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('shows a pause and its reason as text, never as markup; a resume in bull-board forgets the reason', async () => {
    await pauseRequests(queue, run.redis, '<img src=x onerror=alert(1)> API blocked: 10 timeouts in a row');
    const page = await (await fetch(`${BASE}/`)).text();
    expect(page).toContain('Paused: workers take no new jobs');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; API blocked: 10 timeouts in a row');
    expect(page).not.toContain('<img');
    const progress = await getJson<Progress>('/api/progress');
    expect(progress.queue).toMatchObject({
      paused: true,
      pauseReason: expect.stringContaining('API blocked'),
    });
    expect(await (await fetch(`${BASE}/metrics`)).text()).toContain(
      'nba_backfill_queue_paused{queue="nba-requests",season="2024-25"} 1',
    );

    const resumed = await fetch(`${BASE}/queues/api/queues/nba-requests/resume`, {
      method: 'PUT',
      headers: { origin: BASE },
    });
    expect(resumed.status).toBe(200);
    expect(await queue.isPaused()).toBe(false);
    expect(await run.redis.get(pauseReasonKey())).toBeNull();
  });
});

describe('a pause the queue heals by itself', () => {
  it('shows the halt with its probes on the page, in /api/progress, /metrics and `planner status`; a resume ends it', async () => {
    const maintenance = createMaintenanceQueue(run.redis);
    try {
      const reason = '<img src=x onerror=alert(1)> API blocked: 10 timeouts in a row';
      const since = new Date();
      expect(
        await haltRequests(
          { redis: run.redis, queue, maintenance },
          'blocked',
          reason,
          {
            firstMs: 600_000,
            maxMs: 600_000,
          },
          since,
        ),
      ).toBe(true);
      const next = new Date(since.getTime() + 600_000).toISOString();

      const progress = await getJson<Progress>('/api/progress');
      expect(progress.queue).toMatchObject({
        paused: true,
        pauseReason: reason,
        halt: { cause: 'blocked', since: since.toISOString(), reason, probes: 0, nextProbeAt: next },
        budget: null,
      });
      const page = await (await fetch(`${BASE}/`)).text();
      expect(page).toContain('data-halt="blocked"');
      expect(page).toContain('Paused by itself: the NBA API looks blocked');
      expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; API blocked: 10 timeouts in a row');
      expect(page).not.toContain('<img');
      expect(page).toContain(`next probe at <time datetime="${next}">`);
      expect(page).toContain('probes so far: 0.');
      const metrics = await (await fetch(`${BASE}/metrics`)).text();
      expect(metrics).toContain(
        'nba_backfill_halted{queue="nba-requests",cause="blocked",season="2024-25"} 1',
      );
      expect(metrics).toContain(
        'nba_backfill_halt_probes{queue="nba-requests",cause="blocked",season="2024-25"} 0',
      );

      const status = await runApp('planner', ['status'], { ...run.env, RATE_LIMIT_PER_HOUR: '1000' });
      expect(status.code).toBe(0);
      expect(status.stdout).toContain('queue nba-requests: PAUSED by itself, 1 request / 0.05 s');
      expect(status.stdout).toContain(`  blocked since ${since.toISOString().slice(0, 10)} `);
      expect(status.stdout).toContain(', probes so far: 0\n');
      expect(status.stdout).toContain(`  reason: ${reason}\n`);
      expect(status.stdout).toMatch(/\n {2}budget: \d+ of 1000 requests in the last hour; next slot now\n/);

      const resumed = await fetch(`${BASE}/queues/api/queues/nba-requests/resume`, {
        method: 'PUT',
        headers: { origin: BASE },
      });
      expect(resumed.status).toBe(200);
      expect(await run.redis.exists(haltKey())).toBe(0);
      expect((await getJson<Progress>('/api/progress')).queue).toMatchObject({ paused: false, halt: null });
    } finally {
      await maintenance.obliterate({ force: true });
      await maintenance.close();
    }
  });
});
