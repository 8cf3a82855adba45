import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { RequestLogEntry } from '@repo/nba-sim';
import { waitFor } from '../../test/helpers/processes.js';
import { hostCpuBusyShare, hostCpuTicks, round } from '../lib/process-stats.js';
import type { Scenario, ScenarioResult } from '../lib/scenario.js';
import { startSeasonRun } from '../lib/season-run.js';

interface LimiterRun {
  readonly name: string;
  readonly intervalSeconds: number;
  /** Requests measured, after the warm-up. */
  readonly requests: number;
  /**
   * Requests left out at the start: the three workers start one after the other (a Node process
   * takes a few hundred ms to load on 2 cores), so the first gaps measure start-up, not the gate.
   */
  readonly warmUp: number;
  readonly redisDb: number;
  /** The simulator answers this many ms after a request arrives (its fault plan's `latency`). */
  readonly answerAfterMs?: number;
}

const WORKERS = 3;

/** One line of NBA_SEND_LOG_FILE (packages/shared/src/queue/nba-access.ts). */
interface SendLine {
  readonly sent_at_us: number;
  readonly pid: number;
  readonly endpoint: string;
  readonly path: string;
}

/** Spacing of one series of timestamps (ms), as the scenario reports it. */
interface Spacing {
  readonly utilization: number;
  readonly overheadMs: number;
  readonly minGapMs: number;
  readonly medianGapMs: number;
  readonly p99GapMs: number;
  readonly maxGapMs: number;
}

/** Utilization = (requests - 1) x interval / span; the gaps between consecutive stamps. */
function spacing(sortedMs: readonly number[], intervalMs: number): Spacing {
  const gaps = sortedMs.slice(1).map((t, i) => t - (sortedMs[i] as number));
  const span = (sortedMs.at(-1) as number) - (sortedMs[0] as number);
  const sorted = [...gaps].sort((a, b) => a - b);
  return {
    utilization: ((sortedMs.length - 1) * intervalMs) / span,
    // What each request costs beyond the interval, on average: the price of the guarantee.
    overheadMs: span / (sortedMs.length - 1) - intervalMs,
    minGapMs: sorted[0] as number,
    medianGapMs: sorted[Math.floor(sorted.length / 2)] as number,
    p99GapMs: sorted[Math.floor(sorted.length * 0.99)] as number,
    maxGapMs: sorted.at(-1) as number,
  };
}

function spacingMetrics(prefix: string, s: Spacing): Record<string, number> {
  return {
    [`${prefix}_utilization`]: round(s.utilization, 4),
    [`${prefix}_overhead_ms_per_request`]: round(s.overheadMs, 3),
    [`${prefix}_min_gap_ms`]: round(s.minGapMs, 3),
    [`${prefix}_median_gap_ms`]: round(s.medianGapMs, 3),
    [`${prefix}_p99_gap_ms`]: round(s.p99GapMs, 3),
    [`${prefix}_max_gap_ms`]: round(s.maxGapMs, 3),
  };
}

/** Endpoint and GameID: what identifies one request in both logs (retries repeat it). */
const keyOfSend = (line: SendLine) =>
  `${line.endpoint} ${new URL(line.path, 'http://x').searchParams.get('GameID') ?? ''}`;
const keyOfArrival = (entry: RequestLogEntry) => `${entry.endpoint} ${entry.query.GameID ?? ''}`;

/**
 * Send to arrival, per request (the n-th send of a key with its n-th arrival), in ms. The send is
 * on Redis's clock, the arrival on the simulator's; both are this host's clock.
 */
function sendToArrivalMs(sends: readonly SendLine[], arrivals: readonly RequestLogEntry[]): number[] {
  const byKey = new Map<string, number[]>();
  for (const a of arrivals) {
    const list = byKey.get(keyOfArrival(a)) ?? [];
    list.push(a.time);
    byKey.set(keyOfArrival(a), list);
  }
  const delays: number[] = [];
  for (const s of sends) {
    const arrived = byKey.get(keyOfSend(s))?.shift();
    if (arrived !== undefined) delays.push(arrived - s.sent_at_us / 1000);
  }
  return delays.sort((a, b) => a - b);
}

async function readSends(file: string): Promise<SendLine[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SendLine);
}

/**
 * Limiter fidelity: three workers share the gate. The promise is at the client: no two NBA
 * requests, from any process, leave closer than the interval. Every worker appends its send
 * stamps (when undici wrote the request, on Redis's clock) to NBA_SEND_LOG_FILE; the simulator
 * logs the arrivals. Utilization = (requests - 1) x interval / span, from either series.
 */
function limiterScenario(spec: LimiterRun): Scenario {
  return {
    name: spec.name,
    async run(): Promise<ScenarioResult> {
      const intervalMs = spec.intervalSeconds * 1000;
      const folder = await mkdtemp(join(tmpdir(), `bench-${spec.name}-`));
      const sendLog = join(folder, 'sends.jsonl');
      const run = await startSeasonRun({
        db: spec.redisDb,
        label: `bench-${spec.name}`,
        sim: { seed: 1, maxGames: 320, seasonTypes: ['Regular Season'] },
        env: { RATE_LIMIT_SECONDS: String(spec.intervalSeconds) },
      });
      try {
        await run.planner(['enqueue', 'season']);
        // After the warm-up of the simulator's cache (startSeasonRun), which would take the
        // latency too, and after the planner's own requests.
        if (spec.answerAfterMs !== undefined)
          run.sim.faults.setPlan({
            seed: 1,
            rules: [{ action: { kind: 'latency', ms: spec.answerAfterMs } }],
          });
        run.sim.requestLog.clear();
        // The simulator runs in this process: a late arrival stamp can be its own event loop's.
        const simLoop = monitorEventLoopDelay({ resolution: 1 });
        simLoop.enable();
        const cpuBefore = hostCpuTicks();
        run.startWorkers(WORKERS, { NBA_SEND_LOG_FILE: sendLog });
        const needed = spec.warmUp + spec.requests;
        // A send is logged once its answer has started, so after its arrival: wait for both.
        const allSends = await waitFor(
          `${needed} requests`,
          async () => {
            // A few beyond: a slow process may log its send after the next one's.
            if (run.nbaRequests().length < needed + 3) return undefined;
            const logged = await readSends(sendLog);
            return logged.length >= needed + 3 ? logged : undefined;
          },
          needed * (intervalMs + (spec.answerAfterMs ?? 0)) * 3 + 60_000,
        );
        simLoop.disable();
        const hostBusy = hostCpuBusyShare(cpuBefore, hostCpuTicks());
        const arrivals = run.nbaRequests();
        allSends.sort((a, b) => a.sent_at_us - b.sent_at_us);
        const sends = allSends.slice(spec.warmUp, needed);
        const sendTimes = sends.map((s) => s.sent_at_us / 1000);
        const arrivalTimes = arrivals
          .map((e) => e.time)
          .sort((a, b) => a - b)
          .slice(spec.warmUp, needed);
        const sent = spacing(sendTimes, intervalMs);
        const arrived = spacing(arrivalTimes, intervalMs);
        const delays = sendToArrivalMs(sends, arrivals);
        const answers =
          spec.answerAfterMs === undefined
            ? 'answers from the warm cache'
            : `the simulator answers ${spec.answerAfterMs} ms after each arrival (fault plan latency)`;
        return {
          name: spec.name,
          description:
            `${spec.requests} requests after ${spec.warmUp} of warm-up, ${WORKERS} worker processes ` +
            `(concurrency 2), RATE_LIMIT_SECONDS=${spec.intervalSeconds}, ${answers}; send_* from the ` +
            'send stamps the workers log (NBA_SEND_LOG_FILE), arrival_* from the simulator',
          metrics: {
            requests: sendTimes.length,
            interval_ms: intervalMs,
            ...(spec.answerAfterMs === undefined ? {} : { answer_after_ms: spec.answerAfterMs }),
            processes_sending: new Set(sends.map((s) => s.pid)).size,
            ...spacingMetrics('send', sent),
            ...spacingMetrics('arrival', arrived),
            // Send stamp to the simulator's arrival stamp: loopback, and how late the simulator stamps.
            send_to_arrival_median_ms: round(delays[Math.floor(delays.length / 2)] as number, 3),
            send_to_arrival_p99_ms: round(delays[Math.floor(delays.length * 0.99)] as number, 3),
            send_to_arrival_max_ms: round(delays.at(-1) as number, 3),
            sim_event_loop_delay_p99_ms: round(simLoop.percentile(99) / 1e6, 3),
            sim_event_loop_delay_max_ms: round(simLoop.max / 1e6, 3),
            // The whole host's CPU in use while the workers ran, warm-up included (all cores).
            host_cpu_busy_share: round(hostBusy, 3),
          },
          goals: [
            { goal: 'utilization from send stamps >= 0.99', met: sent.utilization >= 0.99 },
            { goal: 'utilization from arrivals >= 0.98', met: arrived.utilization >= 0.98 },
            { goal: 'minimum send gap >= interval', met: sent.minGapMs >= intervalMs },
          ],
        };
      } finally {
        await run.close();
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}

/** The scenario of issue 7: 600 requests at 0.1 s, answered at once. */
export const limiter = limiterScenario({
  name: 'limiter',
  intervalSeconds: 0.1,
  requests: 600,
  warmUp: 20,
  redisDb: 15,
});

/** The same at 1 s, closer to the real 5 s. */
export const limiterOneSecond = limiterScenario({
  name: 'limiter-1s',
  intervalSeconds: 1,
  requests: 60,
  warmUp: 5,
  redisDb: 15,
});

/**
 * Slow answers (issue 10): at 0.5 s with every answer 200 ms after the request arrives. Spacing
 * from the send keeps the gap at the interval; spacing from the answer made it 0.7 s.
 */
export const limiterSlowAnswers = limiterScenario({
  name: 'limiter-slow-answers',
  intervalSeconds: 0.5,
  requests: 120,
  warmUp: 5,
  redisDb: 15,
  answerAfterMs: 200,
});
