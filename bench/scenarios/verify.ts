import type { BackfillRun } from '../../test/helpers/backfill-run.js';
import { round } from '../lib/process-stats.js';
import type { ScenarioResult } from '../lib/scenario.js';

/**
 * `planner verify` of the whole season stored by the capacity run: every file read back and
 * judged, process start to exit. No goal in issue 7; measured so its cost is known, with the same
 * bound as rebuild, which reads and writes the same files.
 */
export async function runVerify(run: BackfillRun): Promise<ScenarioResult> {
  run.sim.requestLog.clear();
  const started = performance.now();
  const result = await run.planner(['verify', '--json']);
  const seconds = (performance.now() - started) / 1000;
  if (result.code !== 0) throw new Error(`verify failed: ${result.stdout}\n${result.stderr}`);
  const report = JSON.parse(result.stdout) as {
    readonly filesRead: number;
    readonly groups: readonly { readonly rows: number }[];
  };
  const rows = report.groups.reduce((sum, g) => sum + g.rows, 0);
  return {
    name: 'verify',
    description:
      'planner verify of the whole season stored by the capacity run, built JS, default concurrency',
    metrics: {
      files_read: report.filesRead,
      rows,
      wall_seconds: round(seconds, 1),
      rows_per_second: Math.round(rows / seconds),
      nba_requests: run.nbaRequests().length,
    },
    goals: [
      { goal: '<= 60 s (the bound of rebuild; issue 7 sets none)', met: seconds <= 60 },
      { goal: '0 NBA requests', met: run.nbaRequests().length === 0 },
    ],
  };
}
