import {
  type BronzeStore,
  DATASET_NAMES,
  type DatasetName,
  type Row,
  rawKey,
  rawSeasonPrefix,
  readRawBody,
  writeDatasets,
} from '../bronze/index.js';
import {
  ENDPOINTS,
  type EndpointDefinition,
  GAME_REQUEST_NAMES,
  type GameRequestName,
  NbaRequestError,
  type ParsedRows,
  type ScheduledGame,
} from '../nba/index.js';
import { mapBounded } from './bounded-map.js';
import { type ScheduleOptions, writeGames } from './schedule.js';
import { itemMetadata, parseBody } from './store-item.js';
import { readStoredSchedule } from './stored-schedule.js';

/** What rebuild reads and writes. */
export interface RebuildDeps {
  readonly store: Pick<BronzeStore, 'listKeys' | 'get' | 'head' | 'put'>;
}

/** Which season, where on S3 (the loaded `Config` has both). */
export type RebuildSettings = Omit<ScheduleOptions, 'seasonTypes'>;

export interface RebuildOptions {
  /** Only this dataset. @defaultValue every dataset */
  readonly dataset?: DatasetName | undefined;
  /** Parse and encode everything, write nothing. @defaultValue false */
  readonly dryRun: boolean;
  /** Raw bodies processed at once (uploads are further limited by S3_UPLOAD_CONCURRENCY). @defaultValue 8 */
  readonly concurrency: number;
}

/** A raw object that could not be turned into files, with why. */
export interface RebuildProblem {
  readonly key: string;
  readonly message: string;
}

export interface RebuildReport {
  readonly season: string;
  readonly dryRun: boolean;
  /** Files and rows written per dataset, in the catalogue's order. */
  readonly datasets: readonly {
    readonly dataset: DatasetName;
    readonly files: number;
    readonly rows: number;
  }[];
  readonly rawBodies: number;
  readonly problems: readonly RebuildProblem[];
  readonly seconds: number;
}

/** One raw body to turn into files. */
interface RawItem {
  readonly key: string;
  readonly request: GameRequestName | 'players';
  readonly game?: ScheduledGame;
}

/** Files and rows written per dataset. */
function createTotals() {
  const totals = new Map<DatasetName, { dataset: DatasetName; files: number; rows: number }>();
  return {
    add(dataset: DatasetName, files: number, rows: number): void {
      const total = totals.get(dataset) ?? { dataset, files: 0, rows: 0 };
      total.files += files;
      total.rows += rows;
      totals.set(dataset, total);
    },
    list: () => DATASET_NAMES.flatMap((dataset) => totals.get(dataset) ?? []),
  };
}

/**
 * Writes the wanted datasets of one body's rows, scored on everything the body gave, as the
 * worker scores a job.
 */
async function writeBodyRows(
  deps: RebuildDeps,
  settings: RebuildSettings,
  body: { rows: ParsedRows; endpoint: EndpointDefinition; game?: ScheduledGame; ingestedAt: Date },
  options: { wanted: ReadonlySet<DatasetName>; dryRun: boolean },
): Promise<readonly { dataset: DatasetName | '_raw'; rows: number }[]> {
  const kept: ParsedRows = {};
  for (const [dataset, rows] of Object.entries(body.rows) as [DatasetName, Row[]][]) {
    if (options.wanted.has(dataset)) kept[dataset] = rows;
  }
  const { metadata } = itemMetadata(body.endpoint, body.rows, body.ingestedAt);
  const item = {
    outputPrefix: settings.outputPrefix,
    season: settings.season,
    gameDate: body.game?.gameDate,
    gameId: body.game?.gameId,
    rows: kept,
    metadata,
  };
  return writeDatasets(deps.store, item, { dryRun: options.dryRun });
}

/** The raw bodies behind the wanted datasets; a game body the schedule does not know is a problem. */
async function listRawItems(
  deps: RebuildDeps,
  settings: RebuildSettings,
  wanted: ReadonlySet<DatasetName>,
  games: readonly ScheduledGame[],
): Promise<{ items: RawItem[]; problems: RebuildProblem[] }> {
  const { outputPrefix, season } = settings;
  const items: RawItem[] = [];
  const problems: RebuildProblem[] = [];
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
 * schemas, without any NBA request (DESIGN §4). `games` comes from `_raw/schedule/` through
 * `writeGames`, as `enqueue season` writes it; `players` from `_raw/players/`, per-game
 * datasets from each game's raw body, dated by the stored schedule. At most `concurrency`
 * bodies are in flight.
 */
export async function rebuildSeason(
  deps: RebuildDeps,
  settings: RebuildSettings,
  options: RebuildOptions,
): Promise<RebuildReport> {
  const started = performance.now();
  const { outputPrefix, season } = settings;
  const wanted = new Set<DatasetName>(options.dataset === undefined ? DATASET_NAMES : [options.dataset]);
  const totals = createTotals();
  const schedule = await readStoredSchedule(deps.store, { outputPrefix, season });
  if (wanted.has('games')) {
    const games = await writeGames(deps, settings, schedule.rowsByType, { dryRun: options.dryRun }, schedule);
    if (games.files > 0) totals.add('games', games.files, games.rows);
  }
  const { items, problems } = await listRawItems(deps, settings, wanted, schedule.games);
  problems.unshift(...schedule.problems);
  let rawBodies = schedule.rowsByType.size;
  await mapBounded(items, options.concurrency, async (item) => {
    const raw = await readRawBody(deps.store, item.key);
    if (raw === undefined) return;
    rawBodies++;
    const endpoint = ENDPOINTS[item.request];
    const { game } = item;
    const { ingestedAt } = raw;
    let rows: ParsedRows;
    try {
      rows = parseBody(endpoint, raw.body, { season, ...game, ingestedAt });
    } catch (error) {
      // A body the current parser rejects is reported and the others still rebuilt.
      if (!(error instanceof NbaRequestError)) throw error;
      problems.push({ key: item.key, message: `[${error.kind}] ${error.message}` });
      return;
    }
    const body = { rows, endpoint, game, ingestedAt };
    for (const object of await writeBodyRows(deps, settings, body, { wanted, dryRun: options.dryRun })) {
      if (object.dataset !== '_raw') totals.add(object.dataset, 1, object.rows);
    }
  });
  return {
    season,
    dryRun: options.dryRun,
    datasets: totals.list(),
    rawBodies,
    problems,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
