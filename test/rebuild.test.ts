import { gzipSync } from 'node:zlib';
import type { GameSummary } from '@repo/nba-sim';
import { DATASET_SCHEMAS, type DatasetSchema, type Row, writeParquet } from '@repo/shared/bronze';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalLake } from './helpers/local-lake.js';
import { runApp } from './helpers/processes.js';
import { parseStoredRaw, runSeasonSlice, type SeasonRun } from './helpers/season-run.js';
import { testServices } from './helpers/services.js';

/**
 * `planner rebuild` after a schema-visible change. The files of an older version of the product
 * are stood in for by rewriting every box-scores file without two columns the current schema has
 * (`starter`, `minutes_played`) and deleting November's play-by-play; rebuild must bring back the
 * current layout from `_raw/` alone.
 */
const DB = 10;
const OLD_COLUMNS = new Set(['starter', 'minutes_played']);
const OLD_BOX_SCORES: DatasetSchema = {
  ...DATASET_SCHEMAS['box-scores'],
  columns: DATASET_SCHEMAS['box-scores'].columns.filter((column) => !OLD_COLUMNS.has(column.name)),
};
const services = testServices();
let run: SeasonRun;
let lake: LocalLake;

const monthOf = (game: GameSummary) => game.gameDate.slice(5, 7);
const fileKey = (dataset: string, game: GameSummary) =>
  `${run.prefix}/${dataset}/season=2024-25/month=${monthOf(game)}/${game.gameId}.parquet`;
const sum = (games: readonly GameSummary[], of: (game: GameSummary) => number) =>
  games.reduce((total, game) => total + of(game), 0);
const playersOf = (game: GameSummary) => game.boxScorePlayers.home + game.boxScorePlayers.away;

beforeAll(async () => {
  run = await runSeasonSlice(services, {
    db: DB,
    label: 'rebuild',
    slice: { dateFrom: '2024-10-31', dateTo: '2024-11-01', maxGames: 12 },
  });
  lake = await LocalLake.create();
  for (const game of run.games) {
    const rows = (await parseStoredRaw(run, 'box-score', game))['box-scores'] ?? [];
    const old = rows.map(
      (row) => Object.fromEntries(Object.entries(row).filter(([name]) => !OLD_COLUMNS.has(name))) as Row,
    );
    await run.reader.store.put(fileKey('box-scores', game), await writeParquet(OLD_BOX_SCORES, old), {
      contentType: 'application/vnd.apache.parquet',
    });
  }
  const november = run.games.filter((game) => monthOf(game) === '11');
  await run.reader.store.deleteMany(november.map((game) => fileKey('play-by-play', game)));
});

afterAll(async () => {
  await lake?.close();
  await run?.close();
});

const columnsOf = async (dataset: string) => {
  await lake.sync(run.reader.store, `${run.prefix}/${dataset}/`);
  const rows = await lake.query(
    `DESCRIBE SELECT * FROM read_parquet('${run.prefix}/${dataset}/*/*/*.parquet', hive_partitioning = true, union_by_name = true)`,
  );
  return rows.map((row) => row.column_name);
};

describe('planner rebuild', () => {
  it('starts from files of an older layout, which verify names', async () => {
    expect(await columnsOf('box-scores')).not.toContain('minutes_played');
    const result = await runApp('planner', ['verify', '--json'], run.env);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      problems: { kind: string; key: string; message: string }[];
    };
    const schema = report.problems.filter((problem) => problem.kind === 'schema');
    expect(schema.map((problem) => problem.key).sort()).toEqual(
      run.games.map((g) => fileKey('box-scores', g)).sort(),
    );
    expect(schema[0]?.message).toBe('missing column(s) starter, minutes_played');
    const missing = report.problems
      .filter((problem) => problem.kind === 'missing')
      .map((problem) => problem.key);
    expect(missing).toHaveLength(3);
    expect(report.problems).toHaveLength(12 + 3);
  });

  it('regenerates every file from _raw/ without one NBA request', async () => {
    const result = await runApp('planner', ['rebuild'], run.env);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const n = run.games.length;
    // 1 schedule + 1 players + 2 bodies per game.
    expect(result.stdout).toContain(`from ${2 + 2 * n} raw bodies under _raw/`);
    expect(result.stdout).toContain('0 NBA requests');
    expect(result.stdout).toMatch(new RegExp(`\\n  games\\s+2\\s+${2 * n}\\n`));
    expect(result.stdout).toMatch(new RegExp(`\\n  box-scores\\s+${n}\\s+${sum(run.games, playersOf)}\\n`));
    expect(result.stdout).toMatch(new RegExp(`\\n  box-scores-teams\\s+${n}\\s+${6 * n}\\n`));
    expect(result.stdout).toMatch(
      new RegExp(`\\n  play-by-play\\s+${n}\\s+${sum(run.games, (g) => g.playByPlayActions)}\\n`),
    );
    expect(result.stdout).not.toContain('box-scores-advanced');
    expect(run.sim.requestLog.entries()).toHaveLength(0);
  });

  it('leaves the current layout, which DuckDB reads through hive partitions', async () => {
    expect(await columnsOf('box-scores')).toEqual(
      expect.arrayContaining(['starter', 'minutes_played', 'month']),
    );
    const [box] = await lake.query(
      `SELECT count(*) AS n, count(*) FILTER (WHERE starter) AS starters, count(minutes_played) AS played,
              count(*) FILTER (WHERE minutes = '') AS dnp, count(DISTINCT game_id) AS games
       FROM read_parquet('${run.prefix}/box-scores/*/*/*.parquet', hive_partitioning = true)`,
    );
    const n = run.games.length;
    expect(box).toEqual({
      n: String(sum(run.games, playersOf)),
      starters: String(10 * n),
      played: String(sum(run.games, playersOf) - Number(box?.dnp)),
      dnp: box?.dnp,
      games: String(n),
    });
    await lake.sync(run.reader.store, `${run.prefix}/play-by-play/`);
    const months = await lake.query(
      `SELECT month, count(*) AS actions FROM read_parquet('${run.prefix}/play-by-play/*/*/*.parquet', hive_partitioning = true) GROUP BY month ORDER BY month`,
    );
    expect(months).toEqual(
      ['10', '11'].map((month) => ({
        month,
        actions: String(
          sum(
            run.games.filter((g) => monthOf(g) === month),
            (g) => g.playByPlayActions,
          ),
        ),
      })),
    );
    const verified = await runApp('planner', ['verify'], run.env);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('OK: complete and clean');
  });

  it('--dataset rebuilds one dataset only', async () => {
    const before = await run.reader.store.head(fileKey('box-scores', run.games[0] as GameSummary));
    const result = await runApp('planner', ['rebuild', '--dataset', 'play-by-play'], run.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`\\n  play-by-play\\s+${run.games.length}\\s+\\d+\\n  all\\s+${run.games.length}\\s+`),
    );
    expect(result.stdout).not.toMatch(/\n {2}box-scores /);
    const after = await run.reader.store.head(fileKey('box-scores', run.games[0] as GameSummary));
    expect(after?.etag).toBe(before?.etag);
    expect(run.sim.requestLog.entries()).toHaveLength(0);
  });

  it('exits 1 naming a raw body that no longer parses, and rebuilds the others', async () => {
    const game = run.games[1] as GameSummary;
    const key = `${run.prefix}/_raw/play-by-play/season=2024-25/${game.gameId}.json.gz`;
    const original = await run.reader.store.get(key);
    await run.reader.store.put(key, gzipSync('{}'), { contentType: 'application/gzip' });
    try {
      const result = await runApp('planner', ['rebuild', '--dataset', 'play-by-play'], run.env);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`\\n  play-by-play\\s+${run.games.length - 1}\\s+`));
      expect(result.stdout).toContain(
        `FAILED: 1 raw body not rebuilt:\n  ${key}: [empty] playbyplayv3: body is {} for game ${game.gameId}`,
      );
    } finally {
      if (original) await run.reader.store.put(key, original, { contentType: 'application/gzip' });
    }
  });
});
