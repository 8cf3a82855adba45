import {
  type BronzeStore,
  DATASET_NAMES,
  type DatasetName,
  monthOf,
  type Row,
  rawKey,
  rawSeasonPrefix,
  readRawBody,
  writeDatasets,
} from '@repo/shared/bronze';
import type { Config } from '@repo/shared/config';
import { itemMetadata, parseBody, readStoredSchedule } from '@repo/shared/ingest';
import {
  ENDPOINTS,
  type EndpointDefinition,
  GAME_REQUEST_NAMES,
  type GameRequestName,
  NbaRequestError,
  type ParsedRows,
  type ScheduledGame,
} from '@repo/shared/nba';
import { mapBounded } from '../bounded-map.js';
import { table } from '../format.js';

export interface RebuildOptions {
  /** Only this dataset. @defaultValue every dataset */
  readonly dataset?: DatasetName | undefined;
  /** Parse and encode everything, write nothing. @defaultValue false */
  readonly dryRun: boolean;
  /** Raw bodies processed at once (uploads are further limited by S3_UPLOAD_CONCURRENCY). @defaultValue 8 */
  readonly concurrency: number;
}

export interface RebuildReport {
  readonly season: string;
  readonly dryRun: boolean;
  /** Files and rows written per dataset. */
  readonly datasets: readonly { readonly dataset: DatasetName; files: number; rows: number }[];
  readonly rawBodies: number;
  /** Raw bodies that could not be turned into files, with why. */
  readonly problems: readonly { readonly key: string; readonly message: string }[];
  readonly seconds: number;
}

type RebuildDeps = {
  readonly config: Config;
  readonly store: Pick<BronzeStore, 'listKeys' | 'get' | 'head' | 'put'>;
};

/** One raw body to turn into files. */
interface RawItem {
  readonly key: string;
  readonly request: GameRequestName | 'players';
  readonly game?: ScheduledGame;
}

/** Writes the wanted datasets of parsed rows and counts what was written per dataset. */
function createDatasetWriter(deps: RebuildDeps, wanted: ReadonlySet<DatasetName>, dryRun: boolean) {
  const { outputPrefix, season } = deps.config;
  const totals = new Map<DatasetName, { dataset: DatasetName; files: number; rows: number }>();
  const write = async (
    rows: ParsedRows,
    endpoint: EndpointDefinition,
    game?: ScheduledGame,
    ingestedAt?: Date,
  ): Promise<void> => {
    const kept: ParsedRows = {};
    for (const [dataset, datasetRows] of Object.entries(rows) as [DatasetName, Row[]][]) {
      if (wanted.has(dataset)) kept[dataset] = datasetRows;
    }
    // Scored on everything the body gave, as the worker scores a job.
    const { metadata } = itemMetadata(endpoint, rows, ingestedAt);
    const item = {
      outputPrefix,
      season,
      gameDate: game?.gameDate,
      gameId: game?.gameId,
      rows: kept,
      metadata,
    };
    for (const object of await writeDatasets(deps.store, item, { dryRun })) {
      if (object.dataset === '_raw') continue;
      const total = totals.get(object.dataset) ?? { dataset: object.dataset, files: 0, rows: 0 };
      total.files++;
      total.rows += object.rows;
      totals.set(object.dataset, total);
    }
  };
  return { write, totals: () => DATASET_NAMES.flatMap((dataset) => totals.get(dataset) ?? []) };
}

/** The raw bodies behind the wanted datasets; a game body the schedule does not know is a problem. */
async function listRawItems(
  deps: RebuildDeps,
  wanted: ReadonlySet<DatasetName>,
  games: readonly ScheduledGame[],
): Promise<{ items: RawItem[]; problems: { key: string; message: string }[] }> {
  const { outputPrefix, season } = deps.config;
  const items: RawItem[] = [];
  const problems: { key: string; message: string }[] = [];
  if (wanted.has('players')) {
    const key = rawKey({ outputPrefix, request: 'players', season, id: 'players' });
    if ((await deps.store.listKeys(key)).includes(key)) items.push({ key, request: 'players' });
  }
  const gamesById = new Map(games.map((game) => [game.gameId, game]));
  for (const request of GAME_REQUEST_NAMES) {
    if (!ENDPOINTS[request].datasets.some((dataset) => wanted.has(dataset))) continue;
    const prefix = rawSeasonPrefix(outputPrefix, request, season);
    for (const key of await deps.store.listKeys(prefix)) {
      const gameId = key.slice(prefix.length).replace(/\.json\.gz$/, '');
      const game = gamesById.get(gameId);
      if (game === undefined) problems.push({ key, message: `game ${gameId} is not in the stored schedule` });
      else items.push({ key, request, game });
    }
  }
  return { items, problems };
}

/**
 * `planner rebuild`: regenerates Parquet files from `_raw/` with the current parsers and
 * schemas, without any NBA request (DESIGN §4). `games` comes from `_raw/schedule/`, `players`
 * from `_raw/players/`, per-game datasets from each game's raw body, dated by the stored
 * schedule; at most `concurrency` bodies are in flight.
 */
export async function rebuildSeason(deps: RebuildDeps, options: RebuildOptions): Promise<RebuildReport> {
  const started = performance.now();
  const { outputPrefix, season } = deps.config;
  const wanted = new Set<DatasetName>(options.dataset === undefined ? DATASET_NAMES : [options.dataset]);
  const writer = createDatasetWriter(deps, wanted, options.dryRun);
  const schedule = await readStoredSchedule(deps.store, { outputPrefix, season });
  if (wanted.has('games')) await writeGames(schedule.rowsByType, writer.write);
  const { items, problems } = await listRawItems(deps, wanted, schedule.games);
  problems.unshift(...schedule.problems);
  let rawBodies = schedule.rowsByType.size;
  await mapBounded(items, options.concurrency, async (item) => {
    const raw = await readRawBody(deps.store, item.key);
    if (raw === undefined) return;
    rawBodies++;
    const endpoint = ENDPOINTS[item.request];
    try {
      const target = { season, ...item.game, ingestedAt: raw.ingestedAt };
      await writer.write(parseBody(endpoint, raw.body, target), endpoint, item.game, raw.ingestedAt);
    } catch (error) {
      if (!(error instanceof NbaRequestError)) throw error;
      problems.push({ key: item.key, message: `[${error.kind}] ${error.message}` });
    }
  });
  return {
    season,
    dryRun: options.dryRun,
    datasets: writer.totals(),
    rawBodies,
    problems,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}

/** `games`, one file per month, each with its own quality score. */
async function writeGames(
  rowsByType: ReadonlyMap<string, readonly Row[]>,
  write: (rows: ParsedRows, endpoint: EndpointDefinition) => Promise<void>,
): Promise<void> {
  const byMonth = new Map<string, Row[]>();
  for (const row of [...rowsByType.values()].flat()) {
    const month = monthOf(String(row.game_date));
    const rows = byMonth.get(month) ?? [];
    rows.push(row);
    byMonth.set(month, rows);
  }
  for (const rows of byMonth.values()) await write({ games: rows }, ENDPOINTS.schedule);
}

/** What rebuild did, one screen. */
export function formatRebuildReport(report: RebuildReport): string {
  const lines: string[] = [];
  const verb = report.dryRun ? 'Dry run: would rebuild' : 'Rebuilt';
  lines.push(
    `${verb} season ${report.season} from ${report.rawBodies} raw bod${report.rawBodies === 1 ? 'y' : 'ies'} under _raw/ with the current parsers and schemas: 0 NBA requests, ${report.seconds} s`,
  );
  const rows: (string | number)[][] = [['  dataset', 'files', 'rows']];
  let files = 0;
  let total = 0;
  for (const dataset of report.datasets) {
    rows.push([`  ${dataset.dataset}`, dataset.files, dataset.rows]);
    files += dataset.files;
    total += dataset.rows;
  }
  rows.push(['  all', files, total]);
  lines.push(table(rows));
  if (report.dryRun) lines.push('Nothing was written.');
  if (report.problems.length > 0) {
    lines.push(
      '',
      `FAILED: ${report.problems.length} raw bod${report.problems.length === 1 ? 'y' : 'ies'} not rebuilt:`,
    );
    for (const problem of report.problems) lines.push(`  ${problem.key}: ${problem.message}`);
  }
  return lines.join('\n');
}
