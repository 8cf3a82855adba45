import { waitFor } from '../../test/helpers/processes.js';
import { round } from '../lib/process-stats.js';
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
}

const WORKERS = 3;

/**
 * Limiter fidelity: three workers share the gate; how close the spacing of the requests, as the
 * simulator receives them, gets to the interval. Utilization = (requests - 1) x interval / span.
 */
function limiterScenario(spec: LimiterRun): Scenario {
  return {
    name: spec.name,
    async run(): Promise<ScenarioResult> {
      const intervalMs = spec.intervalSeconds * 1000;
      const run = await startSeasonRun({
        db: spec.redisDb,
        label: `bench-${spec.name}`,
        sim: { seed: 1, maxGames: 320, seasonTypes: ['Regular Season'] },
        env: { RATE_LIMIT_SECONDS: String(spec.intervalSeconds) },
      });
      try {
        await run.planner(['enqueue', 'season']);
        run.sim.requestLog.clear();
        run.startWorkers(WORKERS);
        const needed = spec.warmUp + spec.requests;
        await waitFor(
          `${needed} requests`,
          async () => (run.nbaRequests().length >= needed ? true : undefined),
          needed * intervalMs * 3 + 60_000,
        );
        const times = run
          .nbaRequests()
          .map((e) => e.time)
          .sort((a, b) => a - b)
          .slice(spec.warmUp, needed);
        const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
        const span = (times.at(-1) as number) - (times[0] as number);
        const utilization = ((times.length - 1) * intervalMs) / span;
        const minGap = Math.min(...gaps);
        const sorted = [...gaps].sort((a, b) => a - b);
        return {
          name: spec.name,
          description:
            `${spec.requests} requests after ${spec.warmUp} of warm-up, ${WORKERS} worker processes ` +
            `(concurrency 2), RATE_LIMIT_SECONDS=${spec.intervalSeconds}`,
          metrics: {
            requests: times.length,
            interval_ms: intervalMs,
            utilization: round(utilization, 4),
            // What each request costs beyond the interval, on average: the price of the guarantee.
            overhead_ms_per_request: round(span / (times.length - 1) - intervalMs, 3),
            min_gap_ms: round(minGap, 3),
            median_gap_ms: round(sorted[Math.floor(sorted.length / 2)] as number, 3),
            p99_gap_ms: round(sorted[Math.floor(sorted.length * 0.99)] as number, 3),
            max_gap_ms: round(sorted.at(-1) as number, 3),
          },
          goals: [
            { goal: 'utilization >= 0.99', met: utilization >= 0.99 },
            { goal: 'minimum gap >= interval', met: minGap >= intervalMs },
          ],
        };
      } finally {
        await run.close();
      }
    },
  };
}

/** The scenario of issue 7: 600 requests at 0.1 s. */
export const limiter = limiterScenario({
  name: 'limiter',
  intervalSeconds: 0.1,
  requests: 600,
  warmUp: 20,
  redisDb: 15,
});

/**
 * The same at 1 s, closer to the real 5 s: the cost per request is a fixed ~2 ms (one loopback
 * round trip under load), so it is 2 % of a 0.1 s interval and 0.2 % of a 1 s one.
 */
export const limiterOneSecond = limiterScenario({
  name: 'limiter-1s',
  intervalSeconds: 1,
  requests: 60,
  warmUp: 5,
  redisDb: 15,
});
