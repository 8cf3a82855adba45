import { type BronzeStore, type Row, rawSeasonPrefix, readRawBody, slugOf } from '../bronze/index.js';
import {
  ENDPOINTS,
  NbaRequestError,
  type ScheduledGame,
  SEASON_TYPES,
  type SeasonType,
  scheduleGames,
} from '../nba/index.js';

/** The season's schedule as `enqueue season` stored it under `_raw/schedule/`. */
export interface StoredSchedule {
  /** `games` rows per season type found, parsed with the current parser. */
  readonly rowsByType: ReadonlyMap<SeasonType, readonly Row[]>;
  /** Every game of every stored season type, by date. */
  readonly games: readonly ScheduledGame[];
  /** Raw schedule objects that could not be used, with why. */
  readonly problems: readonly { readonly key: string; readonly message: string }[];
}

/**
 * Reads the stored schedule without any NBA request: one listing of `_raw/schedule/season=…/`
 * and one read per season type.
 */
export async function readStoredSchedule(
  store: Pick<BronzeStore, 'listKeys' | 'get' | 'head'>,
  options: { readonly outputPrefix: string; readonly season: string },
): Promise<StoredSchedule> {
  const prefix = rawSeasonPrefix(options.outputPrefix, 'schedule', options.season);
  const rowsByType = new Map<SeasonType, readonly Row[]>();
  const problems: { key: string; message: string }[] = [];
  for (const key of await store.listKeys(prefix)) {
    const slug = key.slice(prefix.length).replace(/\.json\.gz$/, '');
    const seasonType = SEASON_TYPES.find((type) => slugOf(type) === slug);
    if (seasonType === undefined) {
      problems.push({ key, message: `no season type is called ${JSON.stringify(slug)}` });
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
      rowsByType.set(seasonType, parsed.games ?? []);
    } catch (error) {
      if (!(error instanceof NbaRequestError) && !(error instanceof SyntaxError)) throw error;
      problems.push({ key, message: `the stored schedule does not parse: ${error.message}` });
    }
  }
  return { rowsByType, games: scheduleGames([...rowsByType.values()].flat()), problems };
}
