/**
 * `pnpm demo` (scripts/demo.sh) on a one-day slice of the simulated season: when the season is
 * done it keeps the dashboard and the data (a local copy it prints, the bucket on the test S3
 * server) and prints a DuckDB query that works here; on Ctrl-C, SIGTERM, DEMO_EXIT_WHEN_DONE=1
 * or an interrupted start-up it leaves no process behind. Each run gets a DEMO_RUN_ID marker in
 * its environment; the test follows the demo's process tree (/proc: ppid, process group) while
 * it runs, and afterwards none of those processes and none with the marker may be alive.
 * The demo reuses the running test services (and must not stop them), with Redis database 30
 * and a bucket of its own. DEMO_TEST_SCRIPT runs another copy of the script (an older one).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './helpers/free-port.js';
import { REPO_ROOT, waitFor } from './helpers/processes.js';
import { createTestBucket, type TestServices, testServices } from './helpers/services.js';

const DB = 30;
const SCRIPT = process.env.DEMO_TEST_SCRIPT ?? 'scripts/demo.sh';
const DAY = '2024-10-22'; // two games
const GAME_IDS = ['0022400061', '0022400062'];
const execFileAsync = promisify(execFile);

let services: TestServices;
let bucket: string;
let s3: S3Client;
const runs: DemoRun[] = [];

interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  readonly state: string;
  /** Clock ticks since boot: with the pid, tells a process from a later one that reuses its pid. */
  readonly startTime: string;
  readonly args: string;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return {
      pid,
      state: fields[0] ?? '?',
      ppid: Number(fields[1]),
      pgid: Number(fields[2]),
      startTime: fields[19] ?? '?',
      args,
    };
  } catch {
    return undefined; // gone in between
  }
}

function allProcesses(): ProcessInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is ProcessInfo => info !== undefined);
}

function hasMarker(pid: number, marker: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(marker);
  } catch {
    return false;
  }
}

/** Still running: the same process (pid and start time), not a zombie. */
function stillAlive(info: ProcessInfo): boolean {
  const now = readProcess(info.pid);
  return now !== undefined && now.startTime === info.startTime && now.state !== 'Z';
}

interface DemoRun {
  readonly child: ChildProcess;
  readonly marker: string;
  readonly dashboardPort: number;
  readonly output: () => string;
  /** Every process of the demo seen so far, by pid and start time. */
  readonly seen: Map<string, ProcessInfo>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `bash scripts/demo.sh` on the slice, in a process group of its own (as a shell job). */
async function startDemo(extra: NodeJS.ProcessEnv = {}): Promise<DemoRun> {
  const runId = randomUUID();
  const dashboardPort = await freePort();
  const child = spawn('bash', [SCRIPT], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DEMO_RUN_ID: runId,
      DEMO_DATE_FROM: DAY,
      DEMO_DATE_TO: DAY,
      DEMO_RATE_LIMIT_SECONDS: '0.02',
      DEMO_WORKERS: '2',
      DEMO_SIM_PORT: String(await freePort()),
      DEMO_SIM_TLS_PORT: String(await freePort()),
      DEMO_DASHBOARD_PORT: String(dashboardPort),
      DEMO_REDIS_DB: String(DB),
      DEMO_S3_BUCKET_NAME: bucket,
      SIM_LATENCY_MS: '0',
      ...extra,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const marker = `DEMO_RUN_ID=${runId}`;
  const seen = new Map<string, ProcessInfo>();
  const root = child.pid as number;
  // The tree: descendants of the bash process (by ppid), members of their process groups, and
  // anything that carries the marker (a daemon that left the tree).
  const track = () => {
    const all = allProcesses();
    const tree = new Set([root]);
    for (let grown = true; grown; ) {
      grown = false;
      for (const p of all) {
        if (!tree.has(p.pid) && tree.has(p.ppid)) {
          tree.add(p.pid);
          grown = true;
        }
      }
    }
    const groups = new Set(all.filter((p) => tree.has(p.pid)).map((p) => p.pgid));
    for (const p of all) {
      if (p.state === 'Z') continue;
      // Keyed by pid and start time; the latest sighting wins (a fork of bash execs the command),
      // except one with no command line: a process that is exiting has released its memory, and
      // reads as "" (seen once under load, which lost the simulator from the list).
      const key = `${p.pid}:${p.startTime}`;
      if (p.args === '' && seen.has(key)) continue;
      if (tree.has(p.pid) || groups.has(p.pgid) || hasMarker(p.pid, marker)) seen.set(key, p);
    }
  };
  track();
  const timer = setInterval(track, 100);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal });
    }),
  );
  const run: DemoRun = { child, marker, dashboardPort, output: () => output, seen, exited };
  runs.push(run);
  return run;
}

const running = (run: DemoRun) => run.child.exitCode === null && run.child.signalCode === null;

/** Waits for `pattern` in the demo's output; fails at once if the demo exits first. */
async function waitForOutput(run: DemoRun, pattern: RegExp, timeoutMs = 90_000): Promise<RegExpMatchArray> {
  return waitFor(
    `${pattern} in the demo's output`,
    async () => {
      const match = run.output().match(pattern);
      if (match !== null) return match;
      if (!running(run)) {
        throw new Error(`the demo exited (${run.child.exitCode}) before printing ${pattern}:\n${tail(run)}`);
      }
      return undefined;
    },
    timeoutMs,
  );
}

function tail(run: DemoRun): string {
  return run.output().split('\n').slice(-40).join('\n');
}

async function waitForExit(run: DemoRun, timeoutMs: number) {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`the demo did not exit within ${timeoutMs} ms:\n${tail(run)}`)),
      timeoutMs,
    ),
  );
  return Promise.race([run.exited, timeout]);
}

/** What of the demo is still running: processes it was seen with, and any with its marker. */
function leftoverProcesses(run: DemoRun): ProcessInfo[] {
  const left = new Map<number, ProcessInfo>();
  for (const info of run.seen.values()) if (stillAlive(info)) left.set(info.pid, info);
  for (const p of allProcesses()) {
    if (p.state !== 'Z' && hasMarker(p.pid, run.marker)) left.set(p.pid, p);
  }
  return [...left.values()];
}

function leftovers(run: DemoRun): string[] {
  return leftoverProcesses(run).map((p) => `pid ${p.pid} pgid ${p.pgid} ppid ${p.ppid}: ${p.args}`);
}

/** The tree had the processes the demo is about; otherwise "nothing left" would prove nothing. */
function expectSeen(run: DemoRun, ...scripts: string[]) {
  const args = [...run.seen.values()].map((p) => p.args);
  for (const script of scripts) {
    expect(
      args.some((a) => a.includes(script)),
      script,
    ).toBe(true);
  }
}

function parquetFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.parquet'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

async function s3Keys(prefix: string): Promise<string[]> {
  const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (out.Contents ?? []).map((item) => item.Key ?? '').sort();
}

/** The end of a finished season: the summary with the local copy, the SQL and the node line. */
async function waitForSummary(run: DemoRun) {
  await waitForOutput(run, /the season is done/);
  const copy = await waitForOutput(run, /local copy: +(\S+)\/ \((\d+) Parquet files\)/);
  const sql = await waitForOutput(run, /^ +(SELECT .+);$/m);
  const node = await waitForOutput(run, /^ +(node -e .+)$/m);
  return { dir: copy[1] as string, files: Number(copy[2]), sql: sql[1] as string, node: node[1] as string };
}

beforeAll(async () => {
  services = testServices();
  bucket = await createTestBucket(services, 'demo');
  s3 = new S3Client({
    region: services.region,
    endpoint: services.s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: services.accessKeyId, secretAccessKey: services.secretAccessKey },
  });
});

afterEach(() => {
  // Whatever a failed test left running (only this test's own processes, by pid).
  for (const run of runs.splice(0)) {
    if (running(run)) run.child.kill('SIGKILL');
    for (const p of leftoverProcesses(run)) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // gone in between
      }
    }
  }
});

afterAll(() => s3?.destroy());

describe('pnpm demo', () => {
  it('keeps the dashboard and the data after the season, prints a DuckDB query that works, and Ctrl-C stops every process it started', async () => {
    const run = await startDemo();
    const summary = await waitForSummary(run);
    await waitForOutput(run, /stay until Ctrl-C/);

    // The local copy it printed, and the same files still on S3.
    const local = parquetFiles(join(REPO_ROOT, summary.dir));
    expect(local.length).toBe(summary.files);
    for (const id of GAME_IDS) expect(local).toContain(`box-scores/season=2024-25/month=10/${id}.parquet`);
    const prefix = `${summary.dir.split('/').pop()}/`;
    const remote = (await s3Keys(prefix)).filter((key) => key.endsWith('.parquet'));
    expect(remote).toEqual(local.map((file) => `${prefix}${file}`));
    expect(summary.sql).toContain(`read_parquet('${summary.dir}/box-scores/`);

    // The views it wrote (`planner catalog`) read the copy.
    const catalog = await waitForOutput(run, /duckdb -init (\S+)/);
    const duckdb = await DuckDBInstance.create(':memory:');
    try {
      const connection = await duckdb.connect();
      await connection.run(`SET file_search_path = '${REPO_ROOT}'`);
      await connection.run(readFileSync(join(REPO_ROOT, catalog[1] as string), 'utf8'));
      const reader = await connection.runAndReadAll(
        'SELECT count(DISTINCT game_id) AS games FROM box_scores',
      );
      expect(reader.getRowObjectsJson()).toEqual([{ games: String(GAME_IDS.length) }]);
      connection.closeSync();
    } finally {
      duckdb.closeSync();
    }

    // The node one-liner it printed runs the query on the copy (no duckdb CLI needed).
    const { stdout } = await execFileAsync('bash', ['-c', summary.node], { cwd: REPO_ROOT, timeout: 30_000 });
    expect(stdout).toContain('points');
    expect(stdout.split('\n').filter((line) => /'\d{4}-\d\d-\d\d'/.test(line))).toHaveLength(5);

    // Still up: the dashboard and the demo, a while after the summary.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(running(run)).toBe(true);
    const health = await fetch(`http://127.0.0.1:${run.dashboardPort}/healthz`);
    expect(health.status).toBe(200);
    expectSeen(run, 'packages/nba-sim/src/main.ts', 'apps/dashboard/src/main.ts', 'apps/worker/src/main.ts');

    run.child.kill('SIGINT');
    const exit = await waitForExit(run, 30_000);
    expect(leftovers(run)).toEqual([]);
    expect(exit.code).toBe(130);
    await expect(fetch(`http://127.0.0.1:${run.dashboardPort}/healthz`)).rejects.toThrow();
    // The test services were up before, so the demo left them up (and their data).
    expect(await s3Keys(prefix)).toEqual(expect.arrayContaining(remote));
  });

  it('DEMO_EXIT_WHEN_DONE=1 prints the summary, exits 0 and leaves nothing', async () => {
    const run = await startDemo({ DEMO_EXIT_WHEN_DONE: '1' });
    const exit = await waitForExit(run, 90_000);
    expectSeen(run, 'apps/dashboard/src/main.ts', 'apps/worker/src/main.ts');
    expect(leftovers(run)).toEqual([]);
    expect(exit.code, tail(run)).toBe(0);
    const summary = await waitForSummary(run);
    expect(summary.files).toBeGreaterThan(0);
    expect(parquetFiles(join(REPO_ROOT, summary.dir))).toHaveLength(summary.files);
  });

  it('SIGTERM while the season runs stops everything', async () => {
    const run = await startDemo();
    await waitForOutput(run, /Enqueued \d+ new job/);
    expectSeen(run, 'packages/nba-sim/src/main.ts', 'apps/dashboard/src/main.ts', 'apps/worker/src/main.ts');
    run.child.kill('SIGTERM');
    const exit = await waitForExit(run, 30_000);
    expect(leftovers(run)).toEqual([]);
    expect(exit.code).toBe(143);
  });

  it('an error (the simulator refuses DEMO_DATE_FROM) stops what it started and exits 1', async () => {
    const run = await startDemo({ DEMO_DATE_FROM: '22/10/2024' });
    const exit = await waitForExit(run, 60_000);
    expectSeen(run, 'packages/nba-sim/src/main.ts');
    expect(leftovers(run)).toEqual([]);
    expect(exit.code, tail(run)).toBe(1);
    expect(run.output()).toMatch(/simulator exited/);
    expect(run.output()).toContain('SIM_DATE_FROM: expected a date YYYY-MM-DD, got "22/10/2024"');
  });

  it('Ctrl-C during pnpm install stops it at once and leaves nothing', async () => {
    const run = await startDemo();
    await waitFor('pnpm install in the tree', async () =>
      [...run.seen.values()].some((p) => p.args.includes('install --frozen-lockfile')) ? true : undefined,
    );
    const sent = Date.now();
    run.child.kill('SIGINT');
    const exit = await waitForExit(run, 20_000);
    expect(leftovers(run)).toEqual([]);
    expect(exit.code).toBe(130);
    expect(Date.now() - sent).toBeLessThan(10_000);
  });
});
