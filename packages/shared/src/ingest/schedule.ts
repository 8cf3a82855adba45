import { gunzipSync } from 'node:zlib';
import {
  type BronzeStore,
  objectMetadata,
  type Row,
  rawIdOf,
  rawKey,
  writeDatasets,
  writeRaw,
} from '../bronze/index.js';
import { ENDPOINTS, type NbaClient, NbaRequestError, SEASON_TYPES, type SeasonType } from '../nba/index.js';
import { itemMetadata, parseBody } from './store-item.js';

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

/** Where a season type's schedule body is kept under `_raw/schedule/`. */
function scheduleRawKey(config: Omit<ScheduleOptions, 'seasonTypes'>, seasonType: SeasonType): string {
  return rawKey({
    outputPrefix: config.outputPrefix,
    request: 'schedule',
    season: config.season,
    id: rawIdOf({ request: 'schedule', seasonType }),
  });
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
}

/**
 * Discovers the season's games: one `leaguegamelog` per season type, through the global gate.
 * A schedule already stored under `_raw/schedule/` is reused unless `refresh` is set, so a
 * second run over a finished season sends no request at all. An empty answer is not stored, so
 * a season type that has not started yet is asked for again next time.
 */
export async function loadSchedule(
  ctx: ScheduleDeps,
  config: ScheduleOptions,
  options: { readonly refresh: boolean; readonly dryRun: boolean },
): Promise<ScheduleResult> {
  const endpoint = ENDPOINTS.schedule;
  const rowsByType = new Map<SeasonType, readonly Row[]>();
  let requests = 0;
  let fromStore = 0;
  const failures: { seasonType: SeasonType; message: string }[] = [];
  for (const seasonType of SEASON_TYPES.filter((type) => config.seasonTypes.includes(type))) {
    const target = { season: config.season, seasonType };
    const key = scheduleRawKey(config, seasonType);
    let body: string | undefined;
    if (!options.refresh) {
      const stored = await ctx.store.get(key);
      if (stored !== undefined) {
        body = gunzipSync(stored).toString('utf8');
        fromStore++;
      }
    }
    let fetched = false;
    let rows: readonly Row[];
    try {
      if (body === undefined) {
        requests++;
        const response = await ctx.nba.get(endpoint.endpoint, endpoint.params(target));
        await ctx.state.countRequest();
        body = response.body;
        fetched = true;
      }
      rows = parseBody(endpoint, body, { ...target, ingestedAt: new Date() }).games ?? [];
    } catch (error) {
      // One season type's failure must not hide the others': plan what can be planned and say
      // loudly what could not (the command then exits 1).
      if (!(error instanceof NbaRequestError)) throw error;
      failures.push({ seasonType, message: `[${error.kind}] ${error.message}` });
      continue;
    }
    if (fetched && rows.length > 0) {
      await writeRaw(
        ctx.store,
        {
          outputPrefix: config.outputPrefix,
          season: config.season,
          request: 'schedule',
          rawId: rawIdOf({ request: 'schedule', seasonType }),
          body,
          metadata: objectMetadata({ sourceEndpoint: endpoint.endpoint }),
        },
        { dryRun: options.dryRun },
      );
    }
    rowsByType.set(seasonType, rows);
  }
  return { rowsByType, requests, fromStore, failures };
}

/**
 * Writes the `games` dataset (one file per month) from every schedule of the season: the ones
 * just loaded plus any other season type stored earlier, so a run limited to some season types
 * never drops the others' rows from a month file they share.
 */
export async function writeGames(
  ctx: Pick<ScheduleDeps, 'store'>,
  config: Omit<ScheduleOptions, 'seasonTypes'>,
  loaded: ReadonlyMap<SeasonType, readonly Row[]>,
  options: { readonly dryRun: boolean },
): Promise<{ readonly files: number; readonly rows: number }> {
  const rows: Row[] = [];
  for (const seasonType of SEASON_TYPES) {
    const known = loaded.get(seasonType);
    if (known !== undefined) {
      rows.push(...known);
      continue;
    }
    const key = scheduleRawKey(config, seasonType);
    const stored = await ctx.store.get(key);
    if (stored === undefined) continue;
    const body = gunzipSync(stored).toString('utf8');
    rows.push(
      ...(parseBody(ENDPOINTS.schedule, body, { season: config.season, seasonType, ingestedAt: new Date() })
        .games ?? []),
    );
  }
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
