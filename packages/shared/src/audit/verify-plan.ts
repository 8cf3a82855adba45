import { type DatasetName, datasetKey, monthOf, rawKey } from '../bronze/index.js';
import { ENDPOINTS, type GameRequestName, type ScheduledGame } from '../nba/index.js';

export type ProblemKind = 'no-schedule' | 'missing' | 'unreadable' | 'schema' | 'rows' | 'quality';

export interface VerifyProblem {
  readonly kind: ProblemKind;
  /** The S3 key concerned (the schedule prefix for `no-schedule`). */
  readonly key: string;
  readonly message: string;
}

/** Counts of one dataset and month (`-` for `players`; `_raw` for the raw bodies). */
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

/** A file the schedule calls for and that the listing has, with what its checks need. */
export interface ExpectedFile {
  readonly key: string;
  readonly dataset: DatasetName;
  readonly group: VerifyGroup;
  /** Exact row count (`games`: two per scheduled game). */
  readonly expectedRows?: number;
  readonly scheduledGameIds?: readonly string[];
}

export interface VerifyPlanInput {
  readonly outputPrefix: string;
  readonly season: string;
  readonly endpoints: readonly GameRequestName[];
  /** Every stored game (for `games`, which holds every season type). */
  readonly schedule: readonly ScheduledGame[];
  /** The games whose per-game files are expected (the configured season types). */
  readonly games: readonly ScheduledGame[];
  /** Every key the listings found. */
  readonly listed: ReadonlySet<string>;
}

export interface VerifyPlan {
  readonly groups: ReadonlyMap<string, VerifyGroup>;
  /** `games` month files and `players`: read one by one. */
  readonly seasonFiles: readonly ExpectedFile[];
  /** Per game, its files: read together, so cross-file checks can run. */
  readonly gameFiles: readonly (readonly ExpectedFile[])[];
  /** Expected objects the listings do not have. */
  readonly problems: readonly VerifyProblem[];
}

/**
 * What the stored schedule calls for, against what the listings found: every file to read, and
 * a `missing` problem for each expected object (Parquet or raw body) that is not there. Pure.
 */
export function planVerification(input: VerifyPlanInput): VerifyPlan {
  const { outputPrefix, season, listed } = input;
  const groups = new Map<string, VerifyGroup>();
  const problems: VerifyProblem[] = [];
  const group = (dataset: VerifyGroup['dataset'], month: string): VerifyGroup => {
    const id = `${dataset}|${month}`;
    const found = groups.get(id) ?? {
      dataset,
      month,
      games: 0,
      expected: 0,
      found: 0,
      rows: 0,
      minQuality: null,
      problems: 0,
    };
    groups.set(id, found);
    return found;
  };
  /** Counts an expected Parquet file; returns it when listed, else records it missing. */
  const expect = (file: ExpectedFile, what: string): ExpectedFile[] => {
    file.group.expected++;
    if (listed.has(file.key)) return [file];
    problems.push({ kind: 'missing', key: file.key, message: what });
    file.group.problems++;
    return [];
  };
  /** Raw bodies are only listed: `rebuild` reads them. */
  const expectRaw = (key: string, month: string, what: string) => {
    const target = group('_raw', month);
    target.expected++;
    if (listed.has(key)) target.found++;
    else {
      problems.push({ kind: 'missing', key, message: `raw body of ${what}` });
      target.problems++;
    }
  };

  const seasonFiles: ExpectedFile[] = [];
  const byMonth = new Map<string, ScheduledGame[]>();
  for (const game of input.schedule) {
    const month = monthOf(game.gameDate);
    byMonth.set(month, [...(byMonth.get(month) ?? []), game]);
  }
  for (const [month, games] of byMonth) {
    const target = group('games', month);
    target.games = games.length;
    const key = datasetKey({ outputPrefix, dataset: 'games', season, gameDate: games[0]?.gameDate ?? '' });
    const scheduledGameIds = games.map((game) => game.gameId);
    const file = {
      key,
      dataset: 'games',
      group: target,
      expectedRows: 2 * games.length,
      scheduledGameIds,
    } as const;
    seasonFiles.push(...expect(file, `games of month ${month} (${games.length} scheduled games)`));
  }
  if (input.schedule.length > 0) {
    const key = datasetKey({ outputPrefix, dataset: 'players', season });
    seasonFiles.push(
      ...expect({ key, dataset: 'players', group: group('players', '-') }, 'the players directory'),
    );
    expectRaw(rawKey({ outputPrefix, request: 'players', season, id: 'players' }), '-', 'players');
  }

  const gameFiles = input.games.map((game) => {
    const month = monthOf(game.gameDate);
    return input.endpoints.flatMap((request) => {
      const what = `game ${game.gameId} (${game.gameDate}, ${game.seasonType}) ${request}`;
      expectRaw(rawKey({ outputPrefix, request, season, id: game.gameId }), month, what);
      return ENDPOINTS[request].datasets.flatMap((dataset) => {
        const target = group(dataset, month);
        target.games++;
        const key = datasetKey({
          outputPrefix,
          dataset,
          season,
          gameDate: game.gameDate,
          gameId: game.gameId,
        });
        return expect({ key, dataset, group: target }, what);
      });
    });
  });
  return { groups, seasonFiles, gameFiles, problems };
}
