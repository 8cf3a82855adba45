import { itemId, REQUEST_JOB_OPTIONS } from '@repo/shared/queue';
import { seasonStates } from '@repo/shared/state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackfillRun } from './helpers/backfill-run.js';
import { waitFor } from './helpers/processes.js';

/**
 * Issue 14: job data is checked at the worker's entry, and an answer that looks partial is never
 * stored as done (quarantined and asked again a few times as `partial`).
 */
const DB = 18;
const SEASON = '2024-25';
let run: BackfillRun;
let cutOnce: string;
let cutAlways: string;

beforeAll(async () => {
  run = await BackfillRun.start({
    db: DB,
    label: 'write-checks',
    sim: { seed: 9, dateFrom: '2024-10-22', dateTo: '2024-10-22' },
  });
  [cutOnce, cutAlways] = run.games().map((game) => game.gameId) as [string, string];
});

afterAll(async () => {
  await run?.close();
});

const items = () => seasonStates(run.redis)(SEASON).getItems();

describe('job data checked at the worker entry', () => {
  it('fails a job with a bad season at once as client, recorded and logged, without any NBA request', async () => {
    run.startWorkers(1);
    const bad = {
      season: '2024-26',
      request: 'box-score',
      seasonType: 'Regular Season',
      gameId: '0022400061',
      gameDate: '2024-10-22',
    };
    await run.queue.add('box-score', bad as never, { ...REQUEST_JOB_OPTIONS, jobId: 'hand-made-1' });
    const other = {
      season: SEASON,
      request: 'box-score',
      seasonType: 'Regular Season',
      gameId: cutOnce,
      gameDate: '2024-10-22',
    } as const;
    // An id that is another item's: it would overwrite that item's files.
    await run.queue.add('box-score', other, {
      ...REQUEST_JOB_OPTIONS,
      jobId: `${SEASON}.box-score.0022400099`,
    });
    expect(await run.waitForFinished(2)).toEqual({ completed: 0, failed: 2 });
    expect(run.nbaRequests()).toEqual([]);
    const job = await run.queue.getJob('hand-made-1');
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toBe(
      '[client] bad job data: season: expected YYYY-YY (e.g. 2024-25), got "2024-26"',
    );
    const state = await items();
    expect(state.get('hand-made-1')).toMatchObject({ status: 'failed', errorKind: 'client' });
    expect(state.get(`${SEASON}.box-score.0022400099`)?.errorMessage).toBe(
      `bad job data: job id: expected ${itemId(other)} for this data, got "${SEASON}.box-score.0022400099"`,
    );
    // The log line and the job's state travel on different pipes: wait for the line.
    await waitFor(
      'the refusal in the log',
      async () => (run.workers[0]?.output().includes('job refused: bad job data') ? true : undefined),
      5_000,
    );
  });
});

describe('checks at write time', () => {
  it('asks a truncated box score again and stores the whole one; a play-by-play that stays cut fails as partial, never stored', async () => {
    run.sim.faults.setPlan({
      rules: [
        { endpoint: 'boxscoretraditionalv3', gameId: cutOnce, times: 1, action: { kind: 'truncated' } },
        { endpoint: 'playbyplayv3', gameId: cutAlways, action: { kind: 'truncated' } },
      ],
    });
    const planned = await run.planner(['enqueue', 'season']);
    expect(planned.code, planned.stderr).toBe(0);
    // 2 refused above, then players + 2 games x 2 endpoints.
    expect(await run.waitForFinished(2 + 5, 120_000)).toEqual({ completed: 4, failed: 3 });
    const state = await items();
    expect(state.get(`${SEASON}.box-score.${cutOnce}`)).toMatchObject({ status: 'done', attempts: 2 });
    const cut = state.get(`${SEASON}.play-by-play.${cutAlways}`);
    expect(cut).toMatchObject({ status: 'failed', errorKind: 'partial', attempts: 3 });
    expect(cut?.errorMessage).toMatch(
      /^playbyplayv3 looks partial: the game log says the game ended, but the last action \(.*\) does not end a period of 4 or more/,
    );
    const keys = await run.reader.keys('historical-backfill/');
    expect(keys).toContain(`historical-backfill/box-scores/season=${SEASON}/month=10/${cutOnce}.parquet`);
    expect(keys).not.toContain(
      `historical-backfill/play-by-play/season=${SEASON}/month=10/${cutAlways}.parquet`,
    );
    expect(keys).toContain(
      `historical-backfill/_quarantine/play-by-play/season=${SEASON}/${cutAlways}.json.gz`,
    );
    expect(keys).toContain(`historical-backfill/_quarantine/box-score/season=${SEASON}/${cutOnce}.json.gz`);
    const sent = run
      .nbaRequests()
      .filter((e) => e.endpoint === 'playbyplayv3' && e.query.GameID === cutAlways);
    expect(sent).toHaveLength(3);
  });
});
