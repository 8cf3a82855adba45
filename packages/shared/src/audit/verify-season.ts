import {
  type BronzeStore,
  DATASET_NAMES,
  type DatasetName,
  datasetSeasonPrefix,
  finalScoreOf,
  rawSeasonPrefix,
} from '../bronze/index.js';
import { mapBounded, readStoredSchedule, type ScheduleOptions } from '../ingest/index.js';
import { ENDPOINTS, type GameRequestName } from '../nba/index.js';
import { type ExpectedFile, planVerification, type VerifyGroup, type VerifyProblem } from './verify-plan.js';
import { judgeFile, readExpectedFile } from './verify-read.js';

/** What the audit reads. */
export interface VerifyDeps {
  readonly store: Pick<BronzeStore, 'listKeys' | 'get' | 'head'>;
}

/**
 * The settings the audit reads (the loaded `Config` has them all): the season's schedule as
 * `enqueue season` loads it, and the per-game requests whose files are expected. Files are
 * expected of the games of `seasonTypes` only; `games` holds every stored season type anyway.
 */
export interface VerifySettings extends ScheduleOptions {
  readonly endpoints: readonly GameRequestName[];
}

export interface VerifyOptions {
  /** Lowest acceptable quality score of a file. @defaultValue 0.95 */
  readonly minQuality: number;
  /** Games (or season files) read at once. @defaultValue 16 */
  readonly concurrency: number;
}

export interface VerifyReport {
  readonly season: string;
  readonly outputPrefix: string;
  readonly endpoints: readonly GameRequestName[];
  readonly minQuality: number;
  readonly scheduledGames: number;
  /** Per dataset and month, in season order. */
  readonly groups: readonly VerifyGroup[];
  readonly problems: readonly VerifyProblem[];
  /** Parquet objects under the checked prefixes that the schedule does not call for. */
  readonly unexpected: readonly string[];
  readonly filesRead: number;
  readonly seconds: number;
  /** Complete and clean: exit code 0. */
  readonly ok: boolean;
}

/** Datasets in the catalogue's order, raw bodies last. */
const DATASET_ORDER: readonly string[] = [...DATASET_NAMES, '_raw'];
/** Months in playing order: July (a season's first possible month) first, `-` before all. */
const monthOrder = (month: string) => (month === '-' ? -1 : (Number(month) + 5) % 12);

/**
 * `planner verify`: audits S3 against the stored schedule (DESIGN §7, §9). Lists each prefix
 * once, then reads every expected file with hyparquet (an independent reader), a game's files
 * together and at most `concurrency` games at once: columns and types against the schema, row
 * counts, and the quality score recomputed from the rows, cross-file checks included.
 */
export async function verifySeason(
  deps: VerifyDeps,
  settings: VerifySettings,
  options: VerifyOptions,
): Promise<VerifyReport> {
  const started = performance.now();
  const { outputPrefix, season } = settings;
  const endpoints = [...settings.endpoints];
  const schedule = await readStoredSchedule(deps.store, { outputPrefix, season });
  const problems: VerifyProblem[] = schedule.problems.map((problem) => ({ kind: 'unreadable', ...problem }));
  if (schedule.games.length === 0) {
    const key = rawSeasonPrefix(outputPrefix, 'schedule', season);
    problems.push({
      kind: 'no-schedule',
      key,
      message: 'no schedule is stored: run `planner enqueue season` first',
    });
  }
  const datasets: DatasetName[] = ['games', 'players', ...endpoints.flatMap((r) => ENDPOINTS[r].datasets)];
  const prefixes = [
    ...datasets.map((dataset) => datasetSeasonPrefix(outputPrefix, dataset, season)),
    ...['players', ...endpoints].map((request) => rawSeasonPrefix(outputPrefix, request, season)),
  ];
  const listed = new Set((await Promise.all(prefixes.map((prefix) => deps.store.listKeys(prefix)))).flat());
  const plan = planVerification({
    outputPrefix,
    season,
    endpoints,
    schedule: schedule.games,
    games: schedule.games.filter((game) => settings.seasonTypes.includes(game.seasonType)),
    listed,
  });
  problems.push(...plan.problems);

  const units: (readonly ExpectedFile[])[] = [...plan.seasonFiles.map((file) => [file]), ...plan.gameFiles];
  await mapBounded(units, options.concurrency, async (files) => {
    const read = await Promise.all(files.map((file) => readExpectedFile(deps.store, file, problems)));
    const teamRows = read[files.findIndex((file) => file.dataset === 'box-scores-teams')];
    const finalScore = teamRows === undefined ? undefined : finalScoreOf(teamRows);
    files.forEach((file, index) => {
      const rows = read[index];
      if (rows === undefined) return;
      const context = { teamRows, finalScore, scheduledGameIds: file.scheduledGameIds };
      judgeFile(file, rows, context, options.minQuality, problems);
    });
  });

  const expectedKeys = new Set(units.flat().map((file) => file.key));
  const unexpected = [...listed].filter((key) => key.endsWith('.parquet') && !expectedKeys.has(key));
  const groups = [...plan.groups.values()].sort(
    (a, b) =>
      DATASET_ORDER.indexOf(a.dataset) - DATASET_ORDER.indexOf(b.dataset) ||
      monthOrder(a.month) - monthOrder(b.month),
  );
  return {
    season,
    outputPrefix,
    endpoints,
    minQuality: options.minQuality,
    scheduledGames: plan.gameFiles.length,
    groups,
    problems,
    unexpected: unexpected.sort(),
    filesRead: units.flat().length,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    ok: problems.length === 0,
  };
}
