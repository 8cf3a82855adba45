import { waitFor } from '../../test/helpers/processes.js';
import { round } from '../lib/process-stats.js';
import type { Scenario, ScenarioResult } from '../lib/scenario.js';
import { startSeasonRun } from '../lib/season-run.js';

const INTERVAL_SECONDS = 0.1;
const REQUESTS = 600;

/** Limiter fidelity: three workers at 0.1 s; how close the request spacing gets to the interval. */
export const limiter: Scenario = {
  name: 'limiter',
  async run(): Promise<ScenarioResult> {
    const run = await startSeasonRun({
      db: 15,
      label: 'bench-limiter',
      sim: { seed: 1, maxGames: 320, seasonTypes: ['Regular Season'] },
      env: { RATE_LIMIT_SECONDS: String(INTERVAL_SECONDS) },
    });
    try {
      await run.planner(['enqueue', 'season']);
      run.sim.requestLog.clear();
      run.startWorkers(Number(process.env.BENCH_LIMITER_WORKERS ?? 3));
      await waitFor(
        '600 requests',
        async () => (run.nbaRequests().length >= REQUESTS ? true : undefined),
        180_000,
      );
      const times = run
        .nbaRequests()
        .slice(0, REQUESTS)
        .map((e) => e.time)
        .sort((a, b) => a - b);
      const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
      const span = (times.at(-1) as number) - (times[0] as number);
      const utilization = ((times.length - 1) * INTERVAL_SECONDS * 1000) / span;
      const minGap = Math.min(...gaps);
      const sorted = [...gaps].sort((a, b) => a - b);
      return {
        name: 'limiter',
        description: `${REQUESTS} requests, 3 worker processes (concurrency 2), RATE_LIMIT_SECONDS=${INTERVAL_SECONDS}`,
        metrics: {
          requests: times.length,
          interval_ms: INTERVAL_SECONDS * 1000,
          utilization: round(utilization, 4),
          min_gap_ms: round(minGap, 3),
          median_gap_ms: round(sorted[Math.floor(sorted.length / 2)] as number, 3),
          p99_gap_ms: round(sorted[Math.floor(sorted.length * 0.99)] as number, 3),
          max_gap_ms: round(sorted.at(-1) as number, 3),
        },
        goals: [
          { goal: 'utilization >= 0.99', met: utilization >= 0.99 },
          { goal: 'minimum gap >= interval', met: minGap >= INTERVAL_SECONDS * 1000 },
        ],
      };
    } finally {
      await run.close();
    }
  },
};
