import { type BronzeStore, objectMetadata, type Row, writeDatasets, writeRaw } from '../bronze/index.js';
import { ENDPOINTS, type NbaClient, NbaRequestError, SEASON_TYPES, type SeasonType } from '../nba/index.js';
import { itemMetadata, parseBody } from './store-item.js';
import {
  mergeScheduleRows,
  readStoredSchedule,
  type StoredSchedule,
  scheduleRawId,
} from './stored-schedule.js';

/** Where a season's schedule comes from and goes to. */
export interface ScheduleDeps {
  readonly nba: Pick<NbaClient, 'get'>;
  readonly store: Pick<BronzeStore, 'get' | 'put'>;
  /** Counts the schedule requests with the others (status, progress). */
  readonly state: { countRequest(responseMs?: number): Promise<void> };
}

/** Which season, which season types, where on S3. */
export interface ScheduleOptions {
  readonly outputPrefix: string;
  readonly season: string;
  readonly seasonTypes: readonly SeasonType[];
}

export interface ScheduleResult {
  /** `games` rows per season type, in the order of SEASON_TYPES. */
  readonly rowsByType: ReadonlyMap<SeasonType, readonly Row[]>;
  /** Schedule requests sent to the NBA API in this run. */
  readonly requests: number;
  /** Season types whose schedule came from `_raw/` on S3 instead of the API. */
  readonly fromStore: number;
  /** Season types whose schedule could not be had, with the reason; their games are not planned. */
  readonly failures: readonly { readonly seasonType: SeasonType; readonly message: string }[];
  /** The schedule as stored before this load, read once (`writeGames` takes it from here). */
  readonly stored: StoredSchedule;
}

/**
 * Discovers the season's games: one `leaguegamelog` per season type, through the global gate.
 * A schedule already stored under `_raw/schedule/` is reused unless `refresh` is set, so a
 * second run over a finished season sends no request at all. With `since` (`YYYY-MM-DD`), only
 * the games from that day are asked for and merged into what is stored (`follow`). An empty
 * answer is not stored, so a season type that has not started yet is asked for again next time.
 */
export async function loadSchedule(
  ctx: ScheduleDeps & { readonly store: Pick<BronzeStore, 'listKeys' | 'head'> },
  config: ScheduleOptions,
  options: { readonly refresh: boolean; readonly dryRun: boolean; readonly since?: string },
): Promise<ScheduleResult> {
  const endpoint = ENDPOINTS.schedule;
  const stored = await readStoredSchedule(ctx.store, config);
  const rowsByType = new Map<SeasonType, readonly Row[]>();
  let requests = 0;
  let fromStore = 0;
  const failures: { seasonType: SeasonType; message: string }[] = [];
  for (const seasonType of SEASON_TYPES.filter((type) => config.seasonTypes.includes(type))) {
    const known = stored.rowsByType.get(seasonType);
    if (known !== undefined && !options.refresh && options.since === undefined) {
      rowsByType.set(seasonType, known);
      fromStore++;
      continue;
    }
    const target = { season: config.season, seasonType, dateFrom: options.since };
    let body: string;
    let rows: readonly Row[];
    try {
      requests++;
      const response = await ctx.nba.get(endpoint.endpoint, endpoint.params(target));
      await ctx.state.countRequest();
      body = response.body;
      rows = parseBody(endpoint, body, { ...target, ingestedAt: new Date() }).games ?? [];
    } catch (error) {
      // One season type's failure must not hide the others': plan what can be planned and say
      // loudly what could not (the command then exits 1).
      if (!(error instanceof NbaRequestError)) throw error;
      failures.push({ seasonType, message: `[${error.kind}] ${error.message}` });
      continue;
    }
    if (rows.length > 0) {
      await writeRaw(
        ctx.store,
        {
          outputPrefix: config.outputPrefix,
          season: config.season,
          request: 'schedule',
          rawId: scheduleRawId(seasonType, options.since),
          body,
          metadata: objectMetadata({ sourceEndpoint: endpoint.endpoint }),
        },
        { dryRun: options.dryRun },
      );
    }
    rowsByType.set(seasonType, options.since === undefined ? rows : mergeScheduleRows(known ?? [], rows));
  }
  return { rowsByType, requests, fromStore, failures, stored };
}

/**
 * Writes the `games` dataset (one file per month) from every schedule of the season: the ones
 * just loaded plus any other season type stored earlier, so a run limited to some season types
 * never drops the others' rows from a month file they share.
 */
export async function writeGames(
  ctx: { readonly store: Pick<BronzeStore, 'get' | 'put' | 'listKeys' | 'head'> },
  config: Omit<ScheduleOptions, 'seasonTypes'>,
  loaded: ReadonlyMap<SeasonType, readonly Row[]>,
  options: { readonly dryRun: boolean },
  /** The stored schedule when the caller has read it already (so it is read once). */
  known?: StoredSchedule,
): Promise<{ readonly files: number; readonly rows: number }> {
  const stored = known ?? (await readStoredSchedule(ctx.store, config));
  const rows: Row[] = [];
  for (const seasonType of SEASON_TYPES)
    rows.push(...(loaded.get(seasonType) ?? stored.rowsByType.get(seasonType) ?? []));
  if (rows.length === 0) return { files: 0, rows: 0 };
  const written = await writeDatasets(
    ctx.store,
    {
      outputPrefix: config.outputPrefix,
      season: config.season,
      rows: { games: rows },
      metadata: itemMetadata(ENDPOINTS.schedule, { games: rows }).metadata,
    },
    { dryRun: options.dryRun },
  );
  return { files: written.length, rows: rows.length };
}
