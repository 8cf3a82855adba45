import {
  parseItemId,
  pauseRequests,
  REQUEST_JOB_OPTIONS,
  type RequestJobData,
  resumeRequests,
} from '@repo/shared/queue';
import type { PlannerContext } from '../context.js';

/** `planner pause`: every worker stops taking jobs; the ones in flight finish. */
export async function pauseQueue(ctx: PlannerContext, reason: string | undefined): Promise<string> {
  const why = `paused by a person at ${new Date().toISOString()}${reason ? `: ${reason}` : ''}`;
  await pauseRequests(ctx.queue, ctx.redis, why);
  return `Queue ${ctx.queue.name} paused (${why}). \`pnpm planner resume\` resumes.`;
}

/** `planner resume`: undoes a pause, the product's own (blocked API) or a person's. */
export async function resumeQueue(ctx: PlannerContext): Promise<string> {
  const wasPaused = await ctx.queue.isPaused();
  await resumeRequests(ctx.queue, ctx.redis);
  return wasPaused
    ? `Queue ${ctx.queue.name} resumed.`
    : `Queue ${ctx.queue.name} was not paused; nothing to do.`;
}

export interface RetryReport {
  readonly retried: readonly { readonly id: string; readonly errorClass: string | undefined }[];
  /** Failed items whose job was gone (Redis partly lost) and that were added again. */
  readonly readded: readonly string[];
}

/**
 * `planner retry-failed`: every failed job goes back to the queue with its attempts reset, and
 * its failure is cleared from the progress record. Items recorded as failed whose job no longer
 * exists are enqueued again from the plan.
 */
export async function retryFailed(ctx: PlannerContext): Promise<RetryReport> {
  const [jobs, items, planned] = await Promise.all([
    ctx.queue.getFailed(0, -1),
    ctx.state.getItems(),
    ctx.state.getPlanned(),
  ]);
  const retried: { id: string; errorClass: string | undefined }[] = [];
  for (const job of jobs) {
    // Each season is retried on its own (`--season`); another season's jobs stay failed.
    if (job.id === undefined || job.data.season !== ctx.config.season) continue;
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    retried.push({ id: job.id, errorClass: items.get(job.id)?.errorKind });
  }
  const retriedIds = new Set(retried.map((r) => r.id));
  const readded: string[] = [];
  for (const [id, state] of items) {
    if (state.status !== 'failed' || retriedIds.has(id)) continue;
    const entry = planned.get(id);
    if (entry === undefined || (await ctx.queue.getJob(id)) !== undefined) continue;
    const gameId = parseItemId(id)?.gameId;
    const data: RequestJobData = {
      season: ctx.config.season,
      request: entry.request,
      ...(gameId === undefined ? {} : { gameId }),
      ...(entry.gameDate === undefined ? {} : { gameDate: entry.gameDate }),
      ...(entry.seasonType === undefined ? {} : { seasonType: entry.seasonType }),
    };
    await ctx.queue.add(entry.request, data, { ...REQUEST_JOB_OPTIONS, jobId: id });
    readded.push(id);
  }
  await ctx.state.clearFailures([...retriedIds, ...readded]);
  return { retried, readded };
}

export function formatRetryReport(report: RetryReport): string {
  const total = report.retried.length + report.readded.length;
  if (total === 0) return 'No failed jobs to retry.';
  const byClass = new Map<string, number>();
  for (const r of report.retried)
    byClass.set(r.errorClass ?? 'unknown', (byClass.get(r.errorClass ?? 'unknown') ?? 0) + 1);
  const classes = [...byClass.entries()].map(([k, v]) => `${k} ${v}`).join(', ');
  const lines = [
    `Re-queued ${total} failed job(s) with their attempts reset${classes ? ` (was: ${classes})` : ''}.`,
  ];
  for (const r of report.retried.slice(0, 20)) lines.push(`  ${r.id}`);
  if (report.retried.length > 20) lines.push(`  ... and ${report.retried.length - 20} more`);
  for (const id of report.readded) lines.push(`  ${id} (job was gone; added again)`);
  return lines.join('\n');
}
