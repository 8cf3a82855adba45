import { gzipSync } from 'node:zlib';
import { DATASET_SCHEMAS, type DatasetName, writeParquet } from '@repo/shared/bronze';
import { ENDPOINTS, type GameRequestName } from '@repo/shared/nba';
import type { BackfillRun } from '../../test/helpers/backfill-run.js';
import { cpuSeconds, memoryMb, round } from '../lib/process-stats.js';
import type { Scenario, ScenarioResult } from '../lib/scenario.js';
import { ALL_SEASON_TYPES, startSeasonRun } from '../lib/season-run.js';

const WORKERS = 2;
const CONCURRENCY = 4;

/**
 * Pipeline capacity: the whole simulated season with the rate limit effectively off (1 ms, the
 * gate still serialises requests), two worker processes. The finished run is kept for the
 * enqueue and rebuild scenarios.
 */
export async function runCapacity(): Promise<{ result: ScenarioResult; run: BackfillRun }> {
  const run = await startSeasonRun({
    db: 15,
    label: 'bench-capacity',
    sim: { seed: 1 },
    env: {
      RATE_LIMIT_SECONDS: '0.001',
      WORKER_CONCURRENCY: String(CONCURRENCY),
      SEASON_TYPES: ALL_SEASON_TYPES,
    },
  });
  await run.planner(['enqueue', 'season']);
  const total = (await run.queue.getJobCounts('waiting', 'prioritized')) as Record<string, number>;
  const jobs = (total.waiting ?? 0) + (total.prioritized ?? 0);
  const started = performance.now();
  const workers = run.startWorkers(WORKERS);
  await run.waitForFinished(jobs, 600_000);
  const wall = (performance.now() - started) / 1000;
  const perWorker = workers.map((w) => {
    const pid = w.child.pid as number;
    return { cpu: cpuSeconds(pid), peak: memoryMb(pid).peak };
  });
  const cpuTotal = perWorker.reduce((sum, w) => sum + w.cpu, 0);
  const byEndpoint = await cpuPerJobByEndpoint(run);
  const jobsPerSecond = jobs / wall;
  const result: ScenarioResult = {
    name: 'capacity',
    description: `whole season (${jobs} jobs), rate limit 1 ms, ${WORKERS} workers x concurrency ${CONCURRENCY}, warm simulator`,
    metrics: {
      jobs,
      wall_seconds: round(wall, 1),
      jobs_per_second: round(jobsPerSecond, 1),
      worker_cpu_seconds_per_job: round(cpuTotal / jobs, 4),
      ...Object.fromEntries(
        Object.entries(byEndpoint).map(([endpoint, ms]) => [
          `transform_cpu_ms_per_job_${endpoint}`,
          round(ms, 2),
        ]),
      ),
      ...Object.fromEntries(perWorker.map((w, i) => [`worker_${i + 1}_peak_rss_mb`, round(w.peak, 1)])),
    },
    goals: [{ goal: '>= 50 jobs/s on 2 cores', met: jobsPerSecond >= 50 }],
  };
  await Promise.all(workers.map((w) => w.stop('SIGTERM')));
  return { result, run };
}

/**
 * CPU of the in-process part of a job (parse, Parquet encode, gzip of the raw body) by
 * endpoint, measured alone on 40 games so concurrent jobs do not blur it.
 */
async function cpuPerJobByEndpoint(run: BackfillRun): Promise<Record<string, number>> {
  const base = run.plainStatsUrl;
  const games = run.games().slice(0, 40);
  const out: Record<string, number> = {};
  for (const request of ['box-score', 'play-by-play'] as GameRequestName[]) {
    const endpoint = ENDPOINTS[request];
    const bodies: { body: string; gameId: string; gameDate: string }[] = [];
    for (const g of games) {
      const query = new URLSearchParams(
        endpoint.params({ season: '2024-25', gameId: g.gameId, gameDate: g.gameDate }),
      );
      bodies.push({
        body: await (await fetch(`${base}/${endpoint.endpoint}?${query}`)).text(),
        gameId: g.gameId,
        gameDate: g.gameDate,
      });
    }
    const before = process.cpuUsage();
    for (const { body, gameId, gameDate } of bodies) {
      const rows = endpoint.parse(JSON.parse(body), {
        season: '2024-25',
        gameId,
        gameDate,
        seasonType: 'Regular Season',
        ingestedAt: new Date(),
      });
      for (const [dataset, datasetRows] of Object.entries(rows)) {
        await writeParquet(DATASET_SCHEMAS[dataset as DatasetName], datasetRows ?? []);
      }
      gzipSync(body);
    }
    const used = process.cpuUsage(before);
    out[request] = (used.user + used.system) / 1000 / bodies.length;
  }
  return out;
}

export const capacity: Scenario = {
  name: 'capacity',
  async run() {
    const { result, run } = await runCapacity();
    await run.close();
    return result;
  },
};
