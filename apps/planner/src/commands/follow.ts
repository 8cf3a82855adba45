import { easternDate } from '@repo/shared/identity';
import { type FollowReport, followSeason } from '@repo/shared/ingest';
import { FOLLOW_TIMEZONE, nextFollowRun, scheduleFollow, unscheduleFollow } from '@repo/shared/queue';
import { startFollowing, stopFollowing } from '@repo/shared/state';
import type { PlannerContext } from '../context.js';
import { formatEnqueueReport } from './enqueue-season.js';

export interface FollowOutcome {
  readonly season: string;
  readonly cron: string;
  readonly nextRunAt: string | null;
  /** The run made now, unless `--no-run`. */
  readonly run?: FollowReport;
}

/**
 * `planner follow`: registers the season's follow scheduler (FOLLOW_CRON, US Eastern) that the
 * workers run, and, unless `run` is false, makes one follow run now in this process.
 */
export async function follow(
  ctx: PlannerContext,
  options: { readonly run: boolean },
): Promise<FollowOutcome> {
  const { config } = ctx;
  if (!(await ctx.store.bucketExists()))
    throw new Error(
      `S3 bucket "${config.s3BucketName}" does not exist: create it first (S3_BUCKET_NAME names it)`,
    );
  await scheduleFollow(ctx.maintenance, config.season, config.followCron);
  await startFollowing(
    ctx.redis,
    config.season,
    { cron: config.followCron, timezone: FOLLOW_TIMEZONE },
    new Date(),
  );
  const now = new Date();
  const run = options.run ? await followSeason(ctx, config, { today: easternDate(now), now }) : undefined;
  return {
    season: config.season,
    cron: config.followCron,
    nextRunAt: await nextFollowRun(ctx.maintenance, config.season),
    ...(run === undefined ? {} : { run }),
  };
}

/** `planner unfollow`: removes the scheduler and what following kept; stored data stays. */
export async function unfollow(ctx: PlannerContext): Promise<boolean> {
  const scheduled = await unscheduleFollow(ctx.maintenance, ctx.config.season);
  const recorded = await stopFollowing(ctx.redis, ctx.config.season);
  return scheduled || recorded;
}

export function formatFollow(outcome: FollowOutcome, rateLimitSeconds: number): string {
  const lines = [
    `Following ${outcome.season}: "${outcome.cron}" (${FOLLOW_TIMEZONE}), next run ${outcome.nextRunAt ?? 'not scheduled'}; workers run it.`,
  ];
  const run = outcome.run;
  if (run !== undefined) {
    const retried = run.retried.retried.length + run.retried.readded.length;
    lines.push(
      `Run now (${run.today}, US Eastern): schedule since ${run.since ?? 'the season start'}; ${run.gamesAdded} game(s) added, ${run.rechecksQueued.length} box score(s) queued for a re-check${retried === 0 ? '' : `, ${retried} failed item(s) retried`}.`,
      '',
      formatEnqueueReport(run.enqueue, rateLimitSeconds),
    );
  }
  return lines.join('\n');
}
