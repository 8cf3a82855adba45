import type { RetryFailedReport } from '@repo/shared/ingest';
import { pauseRequests, resumeRequests } from '@repo/shared/queue';
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

/** What `planner retry-failed` prints. */
export function formatRetryReport(report: RetryFailedReport): string {
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
