import { cpuSeconds, memoryMb, round, sampleRss } from '../lib/process-stats.js';
import type { Scenario, ScenarioResult } from '../lib/scenario.js';
import { startSeasonRun } from '../lib/season-run.js';

const SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 120);

/** Idle footprint: one worker at the real 5 s interval, as it spends most of a real run. */
export const idle: Scenario = {
  name: 'idle',
  async run(): Promise<ScenarioResult> {
    const run = await startSeasonRun({
      db: 15,
      label: 'bench-idle',
      sim: { seed: 1, maxGames: 40, seasonTypes: ['Regular Season'] },
      env: { RATE_LIMIT_SECONDS: '5', CHECKPOINT_INTERVAL_SECONDS: '60' },
      warm: false,
    });
    try {
      await run.planner(['enqueue', 'season']);
      const [worker] = run.startWorkers(1);
      const pid = worker?.child.pid as number;
      // Start-up (module loading) is not the steady state being measured.
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      const cpuBefore = cpuSeconds(pid);
      const sampler = sampleRss(pid);
      await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
      const cpuPercent = ((cpuSeconds(pid) - cpuBefore) / SECONDS) * 100;
      const peakSampled = sampler.stop();
      const { rss, peak } = memoryMb(pid);
      const requests = run.nbaRequests().length;
      return {
        name: 'idle',
        description: `one worker (built JS), RATE_LIMIT_SECONDS=5, measured for ${SECONDS} s after 10 s of start-up`,
        metrics: {
          seconds: SECONDS,
          requests,
          cpu_percent: round(cpuPercent, 2),
          rss_mb: round(rss, 1),
          rss_peak_sampled_mb: round(peakSampled, 1),
          rss_high_water_mb: round(peak, 1),
        },
        // The footprint is the steady state: the highest RSS sampled in the measured window. The
        // high-water mark also counts start-up (module loading, the first jobs) and is reported.
        goals: [
          { goal: 'RSS <= 150 MB', met: peakSampled <= 150 },
          { goal: 'CPU <= 2%', met: cpuPercent <= 2 },
        ],
      };
    } finally {
      await run.close();
    }
  },
};
