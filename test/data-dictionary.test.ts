import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATA_DICTIONARY_PATH,
  DUCKDB_BEGIN,
  DUCKDB_END,
  renderDataDictionary,
} from '../scripts/gen-data-dictionary.js';
import { LocalLake } from './helpers/local-lake.js';
import { runSeasonSlice, type SeasonRun } from './helpers/season-run.js';
import { testServices } from './helpers/services.js';

/** docs/DATA.md: generated, never stale, and its DuckDB queries work on what a run stores. */
const DB = 11;
const docs = readFileSync(DATA_DICTIONARY_PATH, 'utf8');

/** The ```sql blocks between the DuckDB markers of docs/DATA.md, in order. */
function documentedQueries(): string[] {
  const section = docs.slice(docs.indexOf(DUCKDB_BEGIN), docs.indexOf(DUCKDB_END));
  return [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

describe('docs/DATA.md', () => {
  it('is exactly what scripts/gen-data-dictionary.ts generates (run `pnpm docs:data`)', () => {
    expect(docs).toBe(renderDataDictionary());
  });

  it('documents every dataset with its key layout, columns and an Athena table', () => {
    for (const dataset of [
      'games',
      'players',
      'box-scores',
      'box-scores-teams',
      'play-by-play',
      'box-scores-advanced',
    ]) {
      expect(docs).toContain(`### ${dataset}\n`);
      expect(docs).toContain(`CREATE EXTERNAL TABLE IF NOT EXISTS bronze.${dataset.replaceAll('-', '_')} (`);
    }
    expect(docs).toContain(
      `'storage.location.template' = 's3://YOUR_BUCKET/historical-backfill/box-scores/season=\${season}/month=\${month}/'`,
    );
    expect(docs).toContain(
      '| 31 | `points` | INT32 | no | Points. | `homeTeam\\|awayTeam.statistics\\|starters\\|bench.points` |',
    );
    expect(documentedQueries()).toHaveLength(2);
  });
});

describe('the documented DuckDB queries, on a run of the product', () => {
  let run: SeasonRun;
  let lake: LocalLake;

  beforeAll(async () => {
    run = await runSeasonSlice(testServices(), {
      db: DB,
      label: 'data-dictionary',
      slice: { dateFrom: '2024-10-31', dateTo: '2024-11-01', maxGames: 11 },
    });
    lake = await LocalLake.create();
    // What `aws s3 sync ... --exclude '_*'` would copy.
    await lake.sync(run.reader.store, `${run.prefix}/box-scores/`);
    await lake.sync(run.reader.store, `${run.prefix}/box-scores-teams/`);
  });

  afterAll(async () => {
    await lake?.close();
    await run?.close();
  });

  it('counts player rows and games per month', async () => {
    const [perMonth] = documentedQueries();
    const rows = await lake.query(perMonth ?? '');
    const expected = ['10', '11'].map((month) => {
      const games = run.games.filter((g) => g.gameDate.slice(5, 7) === month);
      const players = games.reduce((n, g) => n + g.boxScorePlayers.home + g.boxScorePlayers.away, 0);
      return { season: '2024-25', month, player_rows: String(players), games: String(games.length) };
    });
    expect(expected.map((row) => row.games)).toEqual(['9', '2']);
    expect(rows).toEqual(expected);
  });

  it("gives every game's final score as the simulator served it", async () => {
    const [, finalScores] = documentedQueries();
    const rows = await lake.query(finalScores ?? '');
    const expected = [...run.games]
      .sort((a, b) => a.gameDate.localeCompare(b.gameDate) || a.gameId.localeCompare(b.gameId))
      .map((g) => ({
        game_id: g.gameId,
        game_date: g.gameDate,
        home_points: g.homePoints,
        away_points: g.awayPoints,
      }));
    expect(rows).toEqual(expected);
  });
});
