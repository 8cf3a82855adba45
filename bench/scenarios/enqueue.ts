import { round } from '../lib/process-stats.js';
import type { Scenario, ScenarioResult } from '../lib/scenario.js';
import { ALL_SEASON_TYPES, startSeasonRun } from '../lib/season-run.js';

/** `enqueue season` for the whole season: with the schedule already stored, and again. */
export const enqueue: Scenario = {
  name: 'enqueue',
  async run(): Promise<ScenarioResult> {
    const run = await startSeasonRun({
      db: 15,
      label: 'bench-enqueue',
      sim: { seed: 1 },
      env: { SEASON_TYPES: ALL_SEASON_TYPES },
      warm: false,
    });
    try {
      // First run: fetches and stores the schedule. Then Redis is emptied, so the timed run
      // starts from a stored schedule and a queue with nothing in it.
      const first = await run.planner(['enqueue', 'season']);
      if (first.code !== 0) throw new Error(first.stderr);
      await run.redis.flushdb();
      run.sim.requestLog.clear();
      const timed = async () => {
        const started = performance.now();
        const result = await run.planner(['enqueue', 'season']);
        if (result.code !== 0) throw new Error(result.stderr);
        return { seconds: (performance.now() - started) / 1000, stdout: result.stdout };
      };
      const stored = await timed();
      const afterStored = run.nbaRequests().length;
      const again = await timed();
      const afterAgain = run.nbaRequests().length - afterStored;
      const added = /Enqueued (\d+) new job/.exec(stored.stdout)?.[1];
      return {
        name: 'enqueue',
        description: 'whole season (1,322 games, 2,645 jobs), process start to exit, built JS',
        metrics: {
          jobs_added: Number(added),
          schedule_stored_seconds: round(stored.seconds, 2),
          schedule_stored_nba_requests: afterStored,
          second_run_seconds: round(again.seconds, 2),
          second_run_nba_requests: afterAgain,
        },
        goals: [
          { goal: 'schedule stored: <= 2 s', met: stored.seconds <= 2 },
          { goal: 'second run: 0 NBA requests, <= 2 s', met: afterAgain === 0 && again.seconds <= 2 },
        ],
      };
    } finally {
      await run.close();
    }
  },
};
