import type { GameSummary } from '@repo/nba-sim';
import { DATASET_SCHEMAS, writeParquet } from '@repo/shared/bronze';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApp } from './helpers/processes.js';
import { parseStoredRaw, runSeasonSlice, type SeasonRun } from './helpers/season-run.js';
import { testServices } from './helpers/services.js';

/**
 * `planner verify` over a completed run (all three per-game endpoints, box-score-advanced
 * included), then after one object is deleted, cut short, or rewritten with rows that fail a
 * quality check.
 */
const DB = 9;
const services = testServices();
let run: SeasonRun;

beforeAll(async () => {
  run = await runSeasonSlice(services, {
    db: DB,
    label: 'verify',
    slice: { dateFrom: '2024-10-31', dateTo: '2024-11-01', maxGames: 12 },
    endpoints: 'box-score,play-by-play,box-score-advanced',
  });
});

afterAll(async () => {
  await run?.close();
});

const key = (dataset: string, gameIndex: number) => {
  const game = run.games[gameIndex];
  return `${run.prefix}/${dataset}/season=2024-25/month=${game?.gameDate.slice(5, 7)}/${game?.gameId}.parquet`;
};

async function verify(...args: string[]) {
  return runApp('planner', ['verify', ...args], run.env);
}

/** Replaces an object for the duration of `body`, then puts the original back. */
async function withObject(
  objectKey: string,
  bytes: Buffer | undefined,
  body: () => Promise<void>,
): Promise<void> {
  const original = await run.reader.store.get(objectKey);
  if (original === undefined) throw new Error(`no object at ${objectKey}`);
  if (bytes === undefined) await run.reader.store.deleteMany([objectKey]);
  else await run.reader.store.put(objectKey, bytes, { contentType: 'application/vnd.apache.parquet' });
  try {
    await body();
  } finally {
    await run.reader.store.put(objectKey, original, { contentType: 'application/vnd.apache.parquet' });
  }
}

describe('planner verify', () => {
  it('exits 0 on a complete run and lists per-month counts matching the schedule', async () => {
    const result = await verify();
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const october = run.games.filter((g) => g.gameDate.startsWith('2024-10')).length;
    const november = run.games.length - october;
    expect(october).toBe(9);
    expect(november).toBe(3);
    const line = (dataset: string, month: string) =>
      result.stdout.split('\n').find((l) => l.trim().startsWith(`${dataset} `) && l.includes(` ${month} `));
    for (const [month, games] of [
      ['10', october],
      ['11', november],
    ] as const) {
      const monthGames = run.games.filter((g) => g.gameDate.slice(5, 7) === month);
      const players = monthGames.reduce((n, g) => n + g.boxScorePlayers.home + g.boxScorePlayers.away, 0);
      const actions = monthGames.reduce((n, g) => n + g.playByPlayActions, 0);
      // dataset, month, games, expected, found, rows, min quality, problems
      expect(line('games', month)).toMatch(
        new RegExp(`games\\s+${month}\\s+${games}\\s+1\\s+1\\s+${2 * games}\\s+1\\.0000\\s+0$`),
      );
      expect(line('box-scores', month)).toMatch(
        new RegExp(
          `box-scores\\s+${month}\\s+${games}\\s+${games}\\s+${games}\\s+${players}\\s+1\\.0000\\s+0$`,
        ),
      );
      expect(line('box-scores-teams', month)).toMatch(
        new RegExp(`\\s+${month}\\s+${games}\\s+${games}\\s+${games}\\s+${6 * games}\\s+1\\.0000\\s+0$`),
      );
      expect(line('play-by-play', month)).toMatch(
        new RegExp(`\\s+${month}\\s+${games}\\s+${games}\\s+${games}\\s+${actions}\\s+1\\.0000\\s+0$`),
      );
      expect(line('box-scores-advanced', month)).toMatch(
        new RegExp(
          `\\s+${month}\\s+${games}\\s+${games}\\s+${games}\\s+${players + 2 * games}\\s+1\\.0000\\s+0$`,
        ),
      );
    }
    expect(result.stdout).toContain('OK: complete and clean');
    // 2 games files + players + 12 games x 4 datasets.
    expect(result.stdout).toContain('(51 file(s) read in');
    expect(run.sim.requestLog.entries()).toHaveLength(0);
  });

  it('--json gives the same audit for machines', async () => {
    const result = await verify('--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      scheduledGames: number;
      problems: unknown[];
      groups: { dataset: string; month: string; expected: number; found: number }[];
    };
    expect(report).toMatchObject({ ok: true, scheduledGames: 12, problems: [] });
    const raw = report.groups.filter((g) => g.dataset === '_raw');
    expect(raw.reduce((n, g) => n + g.found, 0)).toBe(1 + 3 * 12);
  });

  it('exits 1 and names a deleted box-score object', async () => {
    const deleted = key('box-scores', 4);
    await withObject(deleted, undefined, async () => {
      const result = await verify();
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('FAILED: 1 problem(s)');
      expect(result.stdout).toContain(`missing  ${deleted}: game ${run.games[4]?.gameId} (`);
      expect(result.stdout).toMatch(/box-scores\s+10\s+9\s+9\s+8\s+/);
    });
  });

  it('exits 1 and names a corrupted object', async () => {
    const corrupted = key('play-by-play', 10);
    const bytes = (await run.reader.store.get(corrupted)) ?? Buffer.alloc(0);
    await withObject(corrupted, bytes.subarray(0, bytes.length - 100), async () => {
      const result = await verify();
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('FAILED: 1 problem(s)');
      expect(result.stdout).toContain(`unreadable  ${corrupted}: not a readable Parquet file`);
    });
  });

  it('exits 1 and names a well-formed file whose rows fail a quality check', async () => {
    const target = key('box-scores-teams', 2);
    const rows =
      (await parseStoredRaw(run, 'box-score', run.games[2] as GameSummary))['box-scores-teams'] ?? [];
    // One more assist on the home bench: starters + bench no longer add up to the team.
    const edited = rows.map((row) =>
      row.row_kind === 'bench' && row.is_home === true
        ? { ...row, assists: (row.assists as number) + 1 }
        : row,
    );
    const bytes = await writeParquet(DATASET_SCHEMAS['box-scores-teams'], edited);
    await withObject(target, bytes, async () => {
      const result = await verify('--json');
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as {
        problems: { kind: string; key: string; message: string }[];
      };
      expect(report.problems).toHaveLength(1);
      expect(report.problems[0]).toMatchObject({ kind: 'quality', key: target });
      expect(report.problems[0]?.message).toMatch(
        /^quality 0\.8888 < 0\.95: box-scores-teams\.starters-plus-bench \(1\/2: team \d+: starters \+ bench differ from team in assists\)$/,
      );
      // Below the threshold the same file passes.
      expect((await verify('--min-quality', '0.8')).code).toBe(0);
    });
  });
});
