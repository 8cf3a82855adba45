import type { BronzeStore } from '../bronze/index.js';
import { datasetKey, datasetSeasonPrefix, gameIdOfKey } from '../bronze/index.js';
import { ENDPOINTS, type RequestName } from '../nba/index.js';
import { itemId } from '../queue/index.js';

/**
 * Items whose every dataset file is on S3, found by listing the output prefixes (one listing
 * per dataset, not one request per item). This is what makes a re-run after a lost Redis skip
 * what is already stored.
 */
export async function findStoredItems(
  store: Pick<BronzeStore, 'listKeys'>,
  options: {
    readonly outputPrefix: string;
    readonly season: string;
    readonly requests: readonly RequestName[];
  },
): Promise<Set<string>> {
  const { outputPrefix, season } = options;
  const stored = new Set<string>();
  for (const request of options.requests) {
    if (request === 'schedule') continue;
    const datasets = ENDPOINTS[request].datasets;
    if (request === 'players') {
      const key = datasetKey({ outputPrefix, dataset: 'players', season });
      const keys = await store.listKeys(key);
      if (keys.includes(key)) stored.add(itemId({ season, request }));
      continue;
    }
    // A game is stored for this request when each of its datasets has the game's file.
    let games: Set<string> | undefined;
    for (const dataset of datasets) {
      const keys = await store.listKeys(datasetSeasonPrefix(outputPrefix, dataset, season));
      const ids = new Set(keys.map(gameIdOfKey).filter((id): id is string => id !== undefined));
      games = games === undefined ? ids : new Set([...games].filter((id) => ids.has(id)));
    }
    for (const gameId of games ?? []) stored.add(itemId({ season, request, gameId }));
  }
  return stored;
}
