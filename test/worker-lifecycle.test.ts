import { afterEach, describe, expect, it } from 'vitest';
import { BackfillRun } from './helpers/backfill-run.js';
import { waitFor } from './helpers/processes.js';

let run: BackfillRun | undefined;

afterEach(async () => {
  await run?.close();
  run = undefined;
});

/** The JSON log lines of a process's output. */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('worker lifecycle', () => {
  it('writes one JSON line per job with the fields of DESIGN §8, and no secret', async () => {
    run = await BackfillRun.start({
      db: 5,
      label: 'logs',
      sim: { seed: 31, dateFrom: '2024-10-22', dateTo: '2024-10-22', maxGames: 2 },
      env: { DASHBOARD_USER: 'admin', DASHBOARD_PASSWORD: 'hunter2-dashboard-secret' },
    });
    run.sim.faults.setPlan({
      seed: 1,
      rules: [
        {
          endpoint: 'boxscoretraditionalv3',
          gameId: run.games()[1]?.gameId,
          times: 1,
          action: { kind: 'server-error' },
        },
      ],
    });
    const total = 1 + 2 * run.games().length;
    await run.planner(['enqueue', 'season']);
    const [worker] = run.startWorkers(1);
    await run.waitForFinished(total);
    expect(await worker?.stop('SIGTERM')).toBe(0);
    const output = worker?.output() ?? '';
    expect(output).not.toContain('hunter2-dashboard-secret');
    expect(output).not.toContain(run.env.AWS_SECRET_ACCESS_KEY as string);
    const lines = logLines(output);
    const done = lines.filter((l) => l.msg === 'job done');
    expect(done).toHaveLength(total);
    const game = run.games()[0];
    const pbp = done.find((l) => l.endpoint === 'play-by-play' && l.game_id === game?.gameId);
    expect(pbp).toMatchObject({
      level: 'info',
      component: 'worker',
      job_id: `2024-25.play-by-play.${game?.gameId}`,
      endpoint: 'play-by-play',
      game_id: game?.gameId,
      attempt: 1,
      records_processed: game?.playByPlayActions,
      quality_score: 1,
      failed_checks: [],
      error_class: null,
    });
    expect(typeof pbp?.duration_in_seconds).toBe('number');
    expect(pbp?.api_response_ms as number).toBeGreaterThanOrEqual(0);
    expect(pbp?.bytes as number).toBeGreaterThan(1000);
    const failed = lines.filter((l) => l.msg === 'job failed, will retry');
    expect(failed).toEqual([
      expect.objectContaining({
        level: 'warn',
        endpoint: 'box-score',
        game_id: run.games()[1]?.gameId,
        attempt: 1,
        error_class: 'server',
        final: false,
      }),
    ]);
    const retried = done.find((l) => l.endpoint === 'box-score' && l.game_id === run?.games()[1]?.gameId);
    expect(retried?.attempt).toBe(2);
    const progress = lines.filter((l) => l.msg === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.at(-1)).toMatchObject({
      completed: { players: '1/1', 'box-score': '2/2', 'play-by-play': '2/2' },
      failed: 0,
      errors_by_class: { server: 1 },
    });
  }, 60_000);

  it('DRY_RUN fetches and parses but writes nothing; a real run afterwards does the work', async () => {
    run = await BackfillRun.start({
      db: 6,
      label: 'dry-run',
      sim: { seed: 32, dateFrom: '2024-10-22', dateTo: '2024-10-22', maxGames: 2 },
    });
    const total = 1 + 2 * run.games().length;
    await run.planner(['enqueue', 'season']);
    const before = await run.reader.keys();
    const [dry] = run.startWorkers(1, { DRY_RUN: 'true' });
    await run.waitForFinished(total);
    expect(await dry?.stop('SIGTERM')).toBe(0);
    expect(await run.reader.keys()).toEqual(before);
    const lines = logLines(dry?.output() ?? '').filter(
      (l) => l.msg === 'job done (dry run: nothing written)',
    );
    expect(lines).toHaveLength(total);
    const gameId = run.games()[0]?.gameId;
    const box = lines.find((l) => l.endpoint === 'box-score' && l.game_id === gameId) as {
      would_write: { key: string; rows: number }[];
    };
    expect(box.would_write.map((w) => w.key).sort()).toEqual(
      [
        `historical-backfill/_raw/box-score/season=2024-25/${gameId}.json.gz`,
        `historical-backfill/box-scores/season=2024-25/month=10/${gameId}.parquet`,
        `historical-backfill/box-scores-teams/season=2024-25/month=10/${gameId}.parquet`,
      ].sort(),
    );

    // The dry run's jobs completed without storing anything, so the next enqueue adds them again.
    const again = await run.planner(['enqueue', 'season']);
    expect(again.stdout).toContain(`Enqueued ${total} new job(s)`);
    run.startWorkers(1);
    await waitFor('every item stored', async () =>
      (await run?.storedItems())?.size === total ? true : undefined,
    );
  }, 60_000);

  it('SIGTERM lets the job in flight finish, writes a last checkpoint, and exits 0', async () => {
    run = await BackfillRun.start({
      db: 7,
      label: 'sigterm',
      sim: { seed: 33, dateFrom: '2024-10-22', dateTo: '2024-10-22', maxGames: 2, latencyMs: 1500 },
      env: { WORKER_CONCURRENCY: '1' },
    });
    await run.planner(['enqueue', 'season']);
    const [worker] = run.startWorkers(1);
    const current = run;
    await waitFor('a job in flight', async () =>
      (await current.queue.getActiveCount()) === 1 ? true : undefined,
    );
    const active = (await run.queue.getActive())[0];
    const started = Date.now();
    expect(await worker?.stop('SIGTERM')).toBe(0);
    // The 1.5 s answer was waited for, not abandoned.
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(await run.queue.getJobState(active?.id ?? '')).toBe('completed');
    expect((await run.storedItems()).has(active?.id ?? '')).toBe(true);
    const lines = logLines(worker?.output() ?? '');
    expect(lines.map((l) => l.msg)).toContain('shutting down: finishing the job in flight');
    expect(lines.filter((l) => l.msg === 'progress').at(-1)?.reason).toBe('shutdown');
    const checkpoint = JSON.parse(
      (await run.reader.store.get('backfill-state/season=2024-25/checkpoint.json'))?.toString() ?? '{}',
    ) as {
      completed: string[];
    };
    expect(checkpoint.completed).toContain(active?.id);
  }, 60_000);
});
