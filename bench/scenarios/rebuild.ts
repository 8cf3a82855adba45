import type { BackfillRun } from '../../test/helpers/backfill-run.js';
import { round } from '../lib/process-stats.js';
import type { ScenarioResult } from '../lib/scenario.js';

/** `planner rebuild` of a whole stored season from `_raw/`, process start to exit. */
export async function runRebuild(run: BackfillRun): Promise<ScenarioResult> {
  run.sim.requestLog.clear();
  const started = performance.now();
  const result = await run.planner(['rebuild']);
  const seconds = (performance.now() - started) / 1000;
  if (result.code !== 0) throw new Error(`rebuild failed: ${result.stdout}\n${result.stderr}`);
  const all = /\n\s*all\s+(\d+)\s+(\d+)/.exec(result.stdout);
  const files = Number(all?.[1]);
  const rows = Number(all?.[2]);
  return {
    name: 'rebuild',
    description:
      'planner rebuild of the whole season stored by the capacity run, built JS, default concurrency',
    metrics: {
      files,
      rows,
      wall_seconds: round(seconds, 1),
      rows_per_second: Math.round(rows / seconds),
      nba_requests: run.nbaRequests().length,
    },
    goals: [{ goal: '<= 60 s', met: seconds <= 60 }],
  };
}
