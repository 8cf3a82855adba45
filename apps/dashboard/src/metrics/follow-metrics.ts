import { Counter, Gauge } from 'prom-client';
import { type MetricGroup, onFirstUse, unixSeconds } from './metric-kit.js';

/** A followed season (`planner follow`): its runs and what they added; only for followed seasons. */
export const followMetrics: MetricGroup = (registers) => {
  const labelNames = ['season'];
  const gauge = (name: string, help: string) =>
    onFirstUse(() => new Gauge({ name, help, labelNames, registers }));
  const counter = (name: string, help: string) =>
    onFirstUse(() => new Counter({ name, help, labelNames, registers }));
  const lastRun = gauge(
    'nba_backfill_follow_last_run_timestamp_seconds',
    'When the last follow run of the season ended, Unix time (only once one ran).',
  );
  const nextRun = gauge(
    'nba_backfill_follow_next_run_timestamp_seconds',
    'When the follow scheduler runs next, Unix time (only while it is registered).',
  );
  const lastFailed = gauge(
    'nba_backfill_follow_last_run_failed',
    '1 when the last follow run of the season failed.',
  );
  const games = counter(
    'nba_backfill_follow_games_added_total',
    'Games found final and enqueued by the follow runs.',
  );
  const rechecks = counter(
    'nba_backfill_follow_rechecks_queued_total',
    'Box scores re-fetched by the follow runs to catch stat corrections.',
  );
  const corrections = counter(
    'nba_backfill_follow_corrections_total',
    'Re-fetched box scores whose body had changed and were rewritten.',
  );
  return ({ progress }) => {
    const follow = progress.follow;
    if (follow === null) return;
    const labels = { season: progress.season };
    if (follow.lastRunAt !== null) lastRun().set(labels, unixSeconds(follow.lastRunAt));
    if (follow.nextRunAt !== null) nextRun().set(labels, unixSeconds(follow.nextRunAt));
    lastFailed().set(labels, follow.lastError === null ? 0 : 1);
    games().inc(labels, follow.gamesAddedTotal);
    rechecks().inc(labels, follow.rechecksQueuedTotal);
    corrections().inc(labels, follow.corrections);
  };
};
