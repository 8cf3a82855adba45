import { itemOfRequest } from '../../test/helpers/backfill-run.js';
import { waitFor } from '../../test/helpers/processes.js';
import { s3Outage } from '../../test/helpers/services.js';
import { round } from '../lib/process-stats.js';
import type { Scenario, ScenarioResult } from '../lib/scenario.js';
import { startSeasonRun } from '../lib/season-run.js';

/**
 * What an outage costs a run that heals by itself (DESIGN §5): a ban of the API, and S3 gone.
 * Both run a slice of 40 games (81 items) with 2 workers.
 */
const SLICE = { seed: 3, dateFrom: '2024-10-22', dateTo: '2024-11-02', maxGames: 40 } as const;
const WORKERS = 2;
const BAN_SECONDS = 20;
const COOL_DOWN_SECONDS = 2;
const COOL_DOWN_MAX_SECONDS = 8;
const S3_DOWN_SECONDS = 30;

/** Wall seconds of one run from the workers' start to the last job, with an optional disturbance. */
async function timedRun(
  label: string,
  db: number,
  env: NodeJS.ProcessEnv,
  disturb?: (run: Awaited<ReturnType<typeof startSeasonRun>>) => Promise<void>,
) {
  const run = await startSeasonRun({ db, label, sim: SLICE, env, warm: false });
  try {
    const total = 1 + 2 * run.games().length;
    await run.planner(['enqueue', 'season']);
    run.sim.requestLog.clear();
    const started = performance.now();
    run.startWorkers(WORKERS);
    await disturb?.(run);
    await run.waitForFinished(total, 600_000);
    const wallSeconds = (performance.now() - started) / 1000;
    const counts = await run.queue.getJobCounts('completed', 'failed');
    const perItem = new Map<string, number>();
    for (const entry of run.nbaRequests()) {
      const item = itemOfRequest(entry);
      if (item) perItem.set(item, (perItem.get(item) ?? 0) + 1);
    }
    const output = run.workers.map((w) => w.output()).join('\n');
    return { total, wallSeconds, counts, perItem, requests: run.nbaRequests().length, output };
  } finally {
    await run.close();
  }
}

export const banScenario: Scenario = {
  name: 'ban',
  async run(): Promise<ScenarioResult> {
    const env = {
      RATE_LIMIT_SECONDS: '0.1',
      NBA_API_TIMEOUT_MS: '1000',
      BLOCKED_AFTER_FAILURES: '3',
      BLOCKED_COOL_DOWN_SECONDS: String(COOL_DOWN_SECONDS),
      BLOCKED_COOL_DOWN_MAX_SECONDS: String(COOL_DOWN_MAX_SECONDS),
      LOG_LEVEL: 'info',
    };
    const clean = await timedRun('bench-ban-clean', 15, env);
    const banned = await timedRun('bench-ban', 15, env, async (run) => {
      // After 30 requests the API stops answering for 20 s, once.
      run.sim.faults.setPlan({
        seed: 1,
        rules: [
          { times: 1, action: { kind: 'ban', afterRequests: 30, seconds: BAN_SECONDS, mode: 'stall' } },
        ],
      });
    });
    const lostSeconds = banned.wallSeconds - clean.wallSeconds - BAN_SECONDS;
    const probes = (banned.output.match(/"msg":"probe failed: queue stays paused"/g) ?? []).length;
    return {
      name: 'ban',
      description: `${banned.total} items at 0.1 s, 2 workers; the API stalls every request for ${BAN_SECONDS} s after 30 requests; the queue halts after 3 timeouts and probes (cool-down ${COOL_DOWN_SECONDS} s doubling to ${COOL_DOWN_MAX_SECONDS} s); nobody resumes it`,
      metrics: {
        clean_wall_seconds: round(clean.wallSeconds, 2),
        ban_wall_seconds: round(banned.wallSeconds, 2),
        ban_seconds: BAN_SECONDS,
        lost_beyond_ban_seconds: round(lostSeconds, 2),
        failed_probes: probes,
        completed: banned.counts.completed ?? 0,
        failed: banned.counts.failed ?? 0,
      },
      goals: [
        {
          goal: `time lost beyond the ban <= one cool-down (${COOL_DOWN_MAX_SECONDS} s at most)`,
          met: lostSeconds <= COOL_DOWN_MAX_SECONDS,
        },
        { goal: 'season complete, nothing failed, no human action', met: banned.counts.failed === 0 },
      ],
    };
  },
};

export const s3OutageScenario: Scenario = {
  name: 's3-outage',
  async run(): Promise<ScenarioResult> {
    const result = await timedRun(
      'bench-s3-outage',
      15,
      { RATE_LIMIT_SECONDS: '0.2', LOG_LEVEL: 'info' },
      async (run) => {
        await waitFor(
          '10 items on S3',
          async () => ((await run.storedItems()).size >= 10 ? true : undefined),
          120_000,
        );
        s3Outage.stop();
        try {
          await new Promise((resolve) => setTimeout(resolve, S3_DOWN_SECONDS * 1000));
        } finally {
          s3Outage.start();
        }
      },
    );
    const extra = [...result.perItem.values()].reduce((sum, n) => sum + n - 1, 0);
    return {
      name: 's3-outage',
      description: `${result.total} items at 0.2 s, 2 workers; the S3 server's process is stopped for ${S3_DOWN_SECONDS} s after 10 items are stored, then started again`,
      metrics: {
        wall_seconds: round(result.wallSeconds, 2),
        s3_down_seconds: S3_DOWN_SECONDS,
        nba_requests: result.requests,
        items: result.total,
        extra_nba_requests: extra,
        completed: result.counts.completed ?? 0,
        failed: result.counts.failed ?? 0,
      },
      goals: [
        { goal: 'extra NBA requests = 0', met: extra === 0 && result.perItem.size === result.total },
        { goal: 'every item stored, none failed', met: result.counts.failed === 0 },
      ],
    };
  },
};
