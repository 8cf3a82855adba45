import { addDays } from '../identity/index.js';
import { errorMessage } from '../log/index.js';
import { ERROR_KINDS } from '../nba/index.js';
import { REQUEST_JOB_OPTIONS, RETRY_POLICY, recheckJobId } from '../queue/index.js';
import { dueRechecks, markRechecksQueued, recordFollowRun, rememberFollowedItems } from '../state/index.js';
import {
  type EnqueueDeps,
  type EnqueueReport,
  type EnqueueSettings,
  enqueueSeason,
} from './enqueue-season.js';
import { gameFinality } from './game-finality.js';
import { type RetryFailedReport, retryFailed } from './retry-failed.js';
import { readStoredSchedule } from './stored-schedule.js';

/** Days before the last final game already stored that a follow run asks the schedule for again. */
export const FOLLOW_LOOKBACK_DAYS = 3;

/**
 * The failures a follow run retries: the kinds the retry policy retries at all, whose cause may
 * pass with time (a play-by-play still being completed after the final buzzer, a ban, an outage).
 * `client` and `parse` fail at once and wait for a person (`planner retry-failed`).
 */
export const FOLLOW_RETRIED_KINDS = ERROR_KINDS.filter((kind) => RETRY_POLICY[kind].maxAttempts > 1);

export interface FollowSettings extends EnqueueSettings {
  /** FOLLOW_RECHECK_DAYS: 0 = never re-check. */
  readonly followRecheckDays: number;
}

export interface FollowReport {
  readonly season: string;
  readonly today: string;
  /** The first day asked for; undefined when the whole season was (nothing stored yet). */
  readonly since: string | undefined;
  readonly enqueue: EnqueueReport;
  /** Games with at least one item added by this run. */
  readonly gamesAdded: number;
  /** Box scores queued for a re-check by this run. */
  readonly rechecksQueued: readonly string[];
  /** Failed items of `FOLLOW_RETRIED_KINDS` put back in the queue by this run. */
  readonly retried: RetryFailedReport;
}

/**
 * One follow run of a season in progress (issue 13): reads the schedule since the last final
 * game stored minus `FOLLOW_LOOKBACK_DAYS` (late corrections to a game's listing), enqueues every
 * game that became final, and queues the box scores added `followRecheckDays` ago for one
 * re-check, whose files are rewritten only if the body changed. Failed items whose cause may
 * have passed (`FOLLOW_RETRIED_KINDS`) get another round. `today` is the US Eastern day
 * (`easternDate`), given so a run is reproducible.
 */
export async function followSeason(
  ctx: EnqueueDeps,
  config: FollowSettings,
  options: { readonly today: string; readonly now: Date },
): Promise<FollowReport> {
  const { season } = config;
  try {
    const stored = await readStoredSchedule(ctx.store, config);
    const rows = [...stored.rowsByType.values()].flat();
    const lastFinal = gameFinality(stored.games, rows)
      .filter((game) => game.finalScore !== undefined)
      .map((game) => game.game.gameDate)
      .sort()
      .at(-1);
    const since = lastFinal === undefined ? undefined : addDays(lastFinal, -FOLLOW_LOOKBACK_DAYS);
    const retried = await retryFailed(ctx, { kinds: FOLLOW_RETRIED_KINDS });
    const enqueue = await enqueueSeason(ctx, config, {
      dryRun: false,
      refresh: since === undefined,
      ...(since === undefined ? {} : { since }),
    });
    const boxScores = enqueue.added.filter((item) => item.data.request === 'box-score');
    await rememberFollowedItems(ctx.redis, season, boxScores, options.today);
    const due = await dueRechecks(ctx.redis, season, options.today, config.followRecheckDays);
    const items = await ctx.state.getItems();
    // An item not done yet (its game was not final) waits: its re-check falls due after it is.
    const rechecks = due.filter((item) => items.get(item.id)?.status === 'done');
    for (const item of rechecks) {
      await ctx.queue.add(
        item.data.request,
        { ...item.data, recheck: true },
        { ...REQUEST_JOB_OPTIONS, jobId: recheckJobId(item.id) },
      );
    }
    await markRechecksQueued(ctx.redis, season, rechecks, options.today);
    const gamesAdded = new Set(enqueue.added.map((item) => item.data.gameId).filter((id) => id !== undefined))
      .size;
    await recordFollowRun(ctx.redis, season, {
      at: options.now.toISOString(),
      gamesAdded,
      rechecksQueued: rechecks.length,
      ...(enqueue.scheduleFailures.length === 0
        ? {}
        : { error: enqueue.scheduleFailures.map((f) => `${f.seasonType}: ${f.message}`).join('; ') }),
    });
    return {
      season,
      today: options.today,
      since,
      enqueue,
      gamesAdded,
      rechecksQueued: rechecks.map((r) => r.id),
      retried,
    };
  } catch (error) {
    await recordFollowRun(ctx.redis, season, {
      at: options.now.toISOString(),
      gamesAdded: 0,
      rechecksQueued: 0,
      error: errorMessage(error),
    });
    throw error;
  }
}
