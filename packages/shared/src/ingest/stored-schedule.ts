import { type BronzeStore, type Row, rawSeasonPrefix, readRawBody, slugOf } from '../bronze/index.js';
import {
  ENDPOINTS,
  NbaRequestError,
  type ScheduledGame,
  SEASON_TYPES,
  type SeasonType,
  scheduleGames,
} from '../nba/index.js';

/** The season's schedule as `enqueue season` and `follow` stored it under `_raw/schedule/`. */
export interface StoredSchedule {
  /** `games` rows per season type found, parsed with the current parser. */
  readonly rowsByType: ReadonlyMap<SeasonType, readonly Row[]>;
  /** Every game of every stored season type, by date. */
  readonly games: readonly ScheduledGame[];
  /** Raw schedule objects that could not be used, with why. */
  readonly problems: readonly { readonly key: string; readonly message: string }[];
}

/**
 * The raw id of a season type's schedule body: its slug for the whole season
 * (`regular-season`), and `<slug>-since-YYYY-MM-DD` for the part since a day that `follow` asks
 * for. Each stored body stays exactly what the API sent.
 */
export function scheduleRawId(seasonType: SeasonType, since?: string): string {
  return since === undefined ? slugOf(seasonType) : `${slugOf(seasonType)}-since-${since}`;
}

const SINCE = /^(.*)-since-\d{4}-\d{2}-\d{2}$/;

function seasonTypeOfRawId(id: string): SeasonType | undefined {
  const slug = SINCE.exec(id)?.[1] ?? id;
  return SEASON_TYPES.find((type) => slugOf(type) === slug);
}

/**
 * `games` rows merged by game and team, later rows winning: a game listed in progress in one
 * body and final in a later one is final.
 */
export function mergeScheduleRows(...bodies: readonly (readonly Row[])[]): Row[] {
  const merged = new Map<string, Row>();
  for (const rows of bodies)
    for (const row of rows) merged.set(`${String(row.game_id)}/${String(row.team_id)}`, row);
  return [...merged.values()];
}

/**
 * Reads the stored schedule without any NBA request: one listing of `_raw/schedule/season=…/`
 * and one read per body. A season type's rows are those of all its bodies, merged in the order
 * they were fetched (`mergeScheduleRows`).
 */
export async function readStoredSchedule(
  store: Pick<BronzeStore, 'listKeys' | 'get' | 'head'>,
  options: { readonly outputPrefix: string; readonly season: string },
): Promise<StoredSchedule> {
  const prefix = rawSeasonPrefix(options.outputPrefix, 'schedule', options.season);
  const bodies = new Map<SeasonType, { ingestedAt: Date; rows: readonly Row[] }[]>();
  const problems: { key: string; message: string }[] = [];
  for (const key of await store.listKeys(prefix)) {
    const id = key.slice(prefix.length).replace(/\.json\.gz$/, '');
    const seasonType = seasonTypeOfRawId(id);
    if (seasonType === undefined) {
      problems.push({ key, message: `no season type is called ${JSON.stringify(id)}` });
      continue;
    }
    const raw = await readRawBody(store, key);
    if (raw === undefined) continue;
    try {
      const parsed = ENDPOINTS.schedule.parse(JSON.parse(raw.body) as unknown, {
        season: options.season,
        seasonType,
        ingestedAt: raw.ingestedAt,
      });
      bodies.set(seasonType, [
        ...(bodies.get(seasonType) ?? []),
        { ingestedAt: raw.ingestedAt, rows: parsed.games ?? [] },
      ]);
    } catch (error) {
      if (!(error instanceof NbaRequestError) && !(error instanceof SyntaxError)) throw error;
      problems.push({ key, message: `the stored schedule does not parse: ${error.message}` });
    }
  }
  const rowsByType = new Map<SeasonType, readonly Row[]>();
  for (const seasonType of SEASON_TYPES) {
    const found = bodies.get(seasonType);
    if (found === undefined) continue;
    found.sort((a, b) => a.ingestedAt.getTime() - b.ingestedAt.getTime());
    rowsByType.set(seasonType, mergeScheduleRows(...found.map((body) => body.rows)));
  }
  return { rowsByType, games: scheduleGames([...rowsByType.values()].flat()), problems };
}
