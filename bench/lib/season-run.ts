import type { SimServerOptions } from '@repo/nba-sim';
import { BackfillRun } from '../../test/helpers/backfill-run.js';

/**
 * A backfill on the real services, as the integration tests run it (own Redis database and
 * bucket), with the simulator's answers generated ahead so they cost what a cached API costs.
 */
export async function startSeasonRun(options: {
  readonly db: number;
  readonly label: string;
  readonly sim: SimServerOptions;
  readonly env?: NodeJS.ProcessEnv;
  readonly warm?: boolean;
}): Promise<BackfillRun> {
  const run = await BackfillRun.start({
    db: options.db,
    label: options.label,
    sim: { cacheBytes: 1024 * 1024 * 1024, ...options.sim },
    env: { LOG_LEVEL: 'warn', ...options.env },
  });
  if (options.warm !== false) await warmSimulator(run);
  return run;
}

/** Requests every game's answers once (4 at a time) and clears the request log. */
async function warmSimulator(run: BackfillRun): Promise<void> {
  // Plain HTTP: Node's fetch would be held by the edge the apps go through.
  const base = run.plainStatsUrl;
  const urls = run
    .games()
    .flatMap((g) => [
      `${base}/boxscoretraditionalv3?EndPeriod=0&EndRange=0&GameID=${g.gameId}&RangeType=0&StartPeriod=0&StartRange=0`,
      `${base}/playbyplayv3?EndPeriod=0&GameID=${g.gameId}&StartPeriod=0`,
    ]);
  let next = 0;
  const fetchOne = async (): Promise<void> => {
    while (next < urls.length) {
      const url = urls[next++] as string;
      await (await fetch(url, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
    }
  };
  await Promise.all([fetchOne(), fetchOne(), fetchOne(), fetchOne()]);
  run.sim.requestLog.clear();
}

/** The whole season: regular season, play-in and playoffs. */
export const ALL_SEASON_TYPES = 'Regular Season,PlayIn,Playoffs';
