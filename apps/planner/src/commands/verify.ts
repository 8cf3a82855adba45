import {
  type BronzeStore,
  DATASET_SCHEMAS,
  type DatasetName,
  datasetKey,
  datasetSeasonPrefix,
  monthOf,
  type Row,
  rawKey,
  rawSeasonPrefix,
} from '@repo/shared/bronze';
import type { Config } from '@repo/shared/config';
import { ENDPOINTS, type GameRequestName, type ScheduledGame } from '@repo/shared/nba';
import {
  checkFileColumns,
  finalScoreOf,
  implausibleRowCount,
  type QualityContext,
  scoreDataset,
} from '@repo/shared/quality';
import { mapBounded } from '../bounded-map.js';
import { readParquetBack } from './parquet-read-back.js';
import { readStoredSchedule } from './stored-schedule.js';

export interface VerifyOptions {
  /** Lowest acceptable quality score of a file. @defaultValue 0.95 */
  readonly minQuality: number;
  /** Games (or season files) read at once. @defaultValue 16 */
  readonly concurrency: number;
}

export type ProblemKind = 'no-schedule' | 'missing' | 'unreadable' | 'schema' | 'rows' | 'quality';

export interface VerifyProblem {
  readonly kind: ProblemKind;
  /** The S3 key concerned (the schedule prefix for `no-schedule`). */
  readonly key: string;
  readonly message: string;
}

/** Files of one dataset and month (`-` for `players`, `_raw` for the raw bodies). */
export interface VerifyGroup {
  readonly dataset: DatasetName | '_raw';
  readonly month: string;
  /** Scheduled games of the month (per-game datasets and `games`). */
  games: number;
  expected: number;
  found: number;
  rows: number;
  minQuality: number | null;
  problems: number;
}

export interface VerifyReport {
  readonly season: string;
  readonly outputPrefix: string;
  readonly endpoints: readonly GameRequestName[];
  readonly minQuality: number;
  readonly scheduledGames: number;
  readonly groups: readonly VerifyGroup[];
  readonly problems: readonly VerifyProblem[];
  /** Parquet objects under the checked prefixes that the schedule does not call for. */
  readonly unexpected: readonly string[];
  readonly filesRead: number;
  readonly seconds: number;
  /** Complete and clean: exit code 0. */
  readonly ok: boolean;
}

/** One file to check and the context its checks need. */
interface Expected {
  readonly key: string;
  readonly dataset: DatasetName;
  readonly group: VerifyGroup;
  readonly expectedRows?: number;
  readonly scheduledGameIds?: readonly string[];
}

type VerifyDeps = { readonly config: Config; readonly store: Pick<BronzeStore, 'listKeys' | 'get' | 'head'> };

/** Months of a season in playing order (October first). */
const seasonOrder = (month: string) => (Number(month) + 5) % 12;

/**
 * `planner verify`: audits S3 against the stored schedule. Lists each prefix once, then reads
 * every expected file with hyparquet (an independent reader), checking columns and types against
 * the schema, row counts, and the quality score recomputed from the rows.
 */
export async function verifySeason(deps: VerifyDeps, options: VerifyOptions): Promise<VerifyReport> {
  const started = performance.now();
  const { outputPrefix, season } = deps.config;
  const endpoints = [...deps.config.endpoints];
  const schedule = await readStoredSchedule(deps.store, { outputPrefix, season });
  const problems: VerifyProblem[] = schedule.problems.map((p) => ({ kind: 'unreadable', ...p }));
  const groups = new Map<string, VerifyGroup>();
  const group = (dataset: VerifyGroup['dataset'], month: string): VerifyGroup => {
    const key = `${dataset}|${month}`;
    const found = groups.get(key) ?? {
      dataset,
      month,
      games: 0,
      expected: 0,
      found: 0,
      rows: 0,
      minQuality: null,
      problems: 0,
    };
    groups.set(key, found);
    return found;
  };
  if (schedule.games.length === 0) {
    const key = rawSeasonPrefix(outputPrefix, 'schedule', season);
    problems.push({
      kind: 'no-schedule',
      key,
      message: 'no schedule is stored: run `planner enqueue season` first',
    });
  }
  const games = schedule.games.filter((game) => deps.config.seasonTypes.includes(game.seasonType));
  const perGame = endpoints.flatMap((request) => ENDPOINTS[request].datasets);
  const datasets: DatasetName[] = ['games', 'players', ...perGame];
  const listed = new Set(
    (
      await Promise.all([
        ...datasets.map((dataset) => deps.store.listKeys(datasetSeasonPrefix(outputPrefix, dataset, season))),
        ...['players', ...endpoints].map((request) =>
          deps.store.listKeys(rawSeasonPrefix(outputPrefix, request, season)),
        ),
      ])
    ).flat(),
  );

  const missing = (key: string, target: VerifyGroup, what: string) => {
    problems.push({ kind: 'missing', key, message: what });
    target.problems++;
  };
  const expect = (file: Expected, what: string): Expected | undefined => {
    file.group.expected++;
    if (listed.has(file.key)) return file;
    missing(file.key, file.group, what);
    return undefined;
  };

  // Season files: games (one per month of the whole stored schedule) and players.
  const byMonth = new Map<string, ScheduledGame[]>();
  for (const game of schedule.games) {
    const month = monthOf(game.gameDate);
    byMonth.set(month, [...(byMonth.get(month) ?? []), game]);
  }
  const seasonFiles: Expected[] = [];
  for (const [month, monthGames] of byMonth) {
    const target = group('games', month);
    target.games = monthGames.length;
    const key = datasetKey({
      outputPrefix,
      dataset: 'games',
      season,
      gameDate: monthGames[0]?.gameDate ?? '',
    });
    const file = expect(
      {
        key,
        dataset: 'games',
        group: target,
        expectedRows: 2 * monthGames.length,
        scheduledGameIds: monthGames.map((g) => g.gameId),
      },
      `games of month ${month} (${monthGames.length} scheduled games)`,
    );
    if (file) seasonFiles.push(file);
  }
  if (schedule.games.length > 0) {
    const players = expect(
      {
        key: datasetKey({ outputPrefix, dataset: 'players', season }),
        dataset: 'players',
        group: group('players', '-'),
      },
      'the players directory',
    );
    if (players) seasonFiles.push(players);
    const rawPlayers = rawKey({ outputPrefix, request: 'players', season, id: 'players' });
    const rawGroup = group('_raw', '-');
    rawGroup.expected++;
    if (listed.has(rawPlayers)) rawGroup.found++;
    else missing(rawPlayers, rawGroup, 'raw body of players');
  }

  // Per-game files: every game x endpoint x dataset, plus the raw body per game x endpoint.
  const expectGame = (game: ScheduledGame): Expected[] => {
    const month = monthOf(game.gameDate);
    const files: Expected[] = [];
    for (const request of endpoints) {
      const what = `game ${game.gameId} (${game.gameDate}, ${game.seasonType}) ${request}`;
      for (const dataset of ENDPOINTS[request].datasets) {
        const target = group(dataset, month);
        target.games++;
        const key = datasetKey({
          outputPrefix,
          dataset,
          season,
          gameDate: game.gameDate,
          gameId: game.gameId,
        });
        const file = expect({ key, dataset, group: target }, what);
        if (file) files.push(file);
      }
      const raw = rawKey({ outputPrefix, request, season, id: game.gameId });
      const rawGroup = group('_raw', month);
      rawGroup.expected++;
      if (listed.has(raw)) rawGroup.found++;
      else missing(raw, rawGroup, `raw body of ${what}`);
    }
    return files;
  };
  const gameFiles = games.map(expectGame);

  const check = (file: Expected, rows: readonly Row[] | undefined, context: QualityContext) =>
    rows === undefined ? undefined : judge(file, rows, context, options.minQuality, problems);
  let filesRead = 0;
  await mapBounded(
    [...seasonFiles.map((file) => [file]), ...gameFiles],
    options.concurrency,
    async (files) => {
      const read = await Promise.all(files.map((file) => readFile(deps.store, file, problems)));
      filesRead += files.length;
      const rowsOf = (dataset: DatasetName) => read[files.findIndex((file) => file.dataset === dataset)];
      const teamRows = rowsOf('box-scores-teams');
      const finalScore = teamRows === undefined ? undefined : finalScoreOf(teamRows);
      files.forEach((file, index) => {
        check(file, read[index], { teamRows, finalScore, scheduledGameIds: file.scheduledGameIds });
      });
    },
  );

  const expectedKeys = new Set([...seasonFiles, ...gameFiles.flat()].map((file) => file.key));
  const unexpected = [...listed].filter((key) => key.endsWith('.parquet') && !expectedKeys.has(key));
  const ordered = [...groups.values()].sort(
    (a, b) =>
      order(a.dataset) - order(b.dataset) ||
      seasonOrder(a.month) - seasonOrder(b.month) ||
      a.month.localeCompare(b.month),
  );
  return {
    season,
    outputPrefix,
    endpoints,
    minQuality: options.minQuality,
    scheduledGames: games.length,
    groups: ordered,
    problems,
    unexpected: unexpected.sort(),
    filesRead,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    ok: problems.length === 0,
  };
}

const DATASET_ORDER: readonly string[] = [
  'games',
  'players',
  'box-scores',
  'box-scores-teams',
  'play-by-play',
  'box-scores-advanced',
  '_raw',
];
const order = (dataset: string) => DATASET_ORDER.indexOf(dataset);

/** Downloads and decodes one file; its rows, or undefined with a problem recorded. */
async function readFile(
  store: Pick<BronzeStore, 'get'>,
  file: Expected,
  problems: VerifyProblem[],
): Promise<readonly Row[] | undefined> {
  const fail = (kind: ProblemKind, message: string) => {
    problems.push({ kind, key: file.key, message });
    file.group.problems++;
    return undefined;
  };
  const bytes = await store.get(file.key);
  if (bytes === undefined) return fail('missing', 'listed but gone when read');
  file.group.found++;
  let back: Awaited<ReturnType<typeof readParquetBack>>;
  try {
    back = await readParquetBack(bytes);
  } catch (error) {
    return fail(
      'unreadable',
      `not a readable Parquet file (${bytes.length} bytes): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  file.group.rows += back.rows.length;
  const columns = checkFileColumns(back.columns, DATASET_SCHEMAS[file.dataset]);
  if (columns.length > 0) return fail('schema', columns.join('; '));
  if (back.declaredRows !== back.rows.length)
    return fail('rows', `footer declares ${back.declaredRows} rows, ${back.rows.length} read`);
  return back.rows;
}

/** Row-count plausibility and quality of one file that read back with its schema. */
function judge(
  file: Expected,
  rows: readonly Row[],
  context: QualityContext,
  minQuality: number,
  problems: VerifyProblem[],
): void {
  const implausible = implausibleRowCount(file.dataset, rows.length, file.expectedRows);
  if (implausible !== undefined) {
    problems.push({ kind: 'rows', key: file.key, message: implausible });
    file.group.problems++;
  }
  const report = scoreDataset(file.dataset, rows, context);
  file.group.minQuality = Math.min(file.group.minQuality ?? 1, report.score);
  if (report.score >= minQuality) return;
  const details = report.checks
    .filter((check) => !check.passed)
    .map(
      (check) =>
        `${check.dataset}.${check.name} (${check.failures}/${check.checked}: ${check.detail.slice(0, 160)})`,
    );
  problems.push({
    kind: 'quality',
    key: file.key,
    message: `quality ${report.score} < ${minQuality}: ${details.join('; ')}`,
  });
  file.group.problems++;
}
