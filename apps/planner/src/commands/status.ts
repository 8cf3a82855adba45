import type { FollowView, Progress, QueueBudget, QueueHalt } from '@repo/shared/state';
import { collectProgress } from '@repo/shared/state';
import type { PlannerContext } from '../context.js';
import { formatBytes, formatDuration, formatInstant, formatUntil, progressBar, table } from '../format.js';

/** The same object as the dashboard's `/api/progress`. */
export async function collectStatus(ctx: PlannerContext): Promise<Progress> {
  return collectProgress({
    redis: ctx.redis,
    state: ctx.state,
    queue: ctx.queue,
    maintenance: ctx.maintenance,
    rateLimitSeconds: ctx.config.rateLimitSeconds,
    rateLimitPerHour: ctx.config.rateLimitPerHour,
  });
}

const HALT_CAUSE: Readonly<Record<QueueHalt['cause'], string>> = {
  blocked: 'blocked',
  storage: 'storage unavailable',
};

/** A pause the queue heals by itself: since when, the next probe, why, and how to end it now. */
export function formatHalt(halt: QueueHalt, now: string): string[] {
  return [
    `  ${HALT_CAUSE[halt.cause]} since ${formatInstant(halt.since)}, next probe at ${formatInstant(halt.nextProbeAt)} (${formatUntil(halt.nextProbeAt, now)}), probes so far: ${halt.probes}`,
    `  reason: ${halt.reason}`,
    '  resumes by itself once a probe gets an answer; `pnpm planner resume` resumes now',
  ];
}

/** The hourly budget (RATE_LIMIT_PER_HOUR): what the last hour used, and when the next slot opens. */
export function formatBudget(budget: QueueBudget, now: string): string {
  const used = `budget: ${budget.usedLastHour} of ${budget.perHour} requests in the last hour`;
  const free = budget.usedLastHour < budget.perHour || formatUntil(budget.nextSlotAt, now) === 'now';
  return free
    ? `  ${used}; next slot now`
    : `  ${used}; next slot at ${formatInstant(budget.nextSlotAt)} (${formatUntil(budget.nextSlotAt, now)})`;
}

/** `following 2026-27: last run ..., next run ..., games added N (total M)`. */
export function formatFollowLine(follow: FollowView): string {
  const last = follow.lastRunAt === null ? 'not yet' : formatInstant(follow.lastRunAt);
  const next = follow.nextRunAt === null ? 'not scheduled' : formatInstant(follow.nextRunAt);
  const error = follow.lastError === null ? '' : `; last run FAILED: ${follow.lastError}`;
  return `  following ${follow.season}: last run ${last}, next run ${next}, games added ${follow.gamesAdded} (total ${follow.gamesAddedTotal}), box-score re-checks ${follow.rechecksQueuedTotal}, corrections ${follow.corrections}${error}`;
}

export function formatStatus(report: Progress): string {
  const lines: string[] = [];
  const { halt, budget } = report.queue;
  const state =
    halt !== null
      ? 'PAUSED by itself'
      : report.queue.paused
        ? `PAUSED${report.queue.pauseReason ? ` (${report.queue.pauseReason})` : ''}; \`pnpm planner resume\` resumes`
        : 'running';
  lines.push(
    `Season ${report.season}  queue ${report.queue.name}: ${state}, 1 request / ${report.queue.rateLimitSeconds} s`,
  );
  if (halt !== null) lines.push(...formatHalt(halt, report.generatedAt));
  if (report.follow !== null) lines.push(formatFollowLine(report.follow));
  if (budget !== null) lines.push(formatBudget(budget, report.generatedAt));
  lines.push('');
  const rows: (string | number)[][] = [['  request', '', 'done', 'planned', '%', 'failed', 'retrying']];
  for (const [request, p] of Object.entries(report.requests)) {
    const pct = p.planned > 0 ? Math.floor((100 * p.completed) / p.planned) : 0;
    rows.push([
      `  ${request}`,
      progressBar(p.completed, p.planned),
      p.completed,
      p.planned,
      `${pct}%`,
      p.failed,
      p.retrying,
    ]);
  }
  if (rows.length === 1) lines.push('  nothing planned yet: run `pnpm planner enqueue season`');
  else lines.push(table(rows));
  lines.push('');
  const c = report.queue.counts;
  lines.push(
    `  jobs: waiting ${(c.waiting ?? 0) + (c.prioritized ?? 0) + (c.paused ?? 0)}, active ${c.active ?? 0}, delayed ${c.delayed ?? 0}, completed ${c.completed ?? 0}, failed ${c.failed ?? 0}`,
  );
  const errors = Object.entries(report.errorsByClass);
  lines.push(
    `  requests ${report.totals.requests}, rows ${report.totals.rows}, stored ${formatBytes(report.totals.bytes)}; errors: ${errors.length === 0 ? 'none' : errors.map(([k, v]) => `${k} ${v}`).join(', ')}`,
  );
  const latency =
    report.apiLatencyMs.p50 === null
      ? ''
      : `; API latency p50 ${report.apiLatencyMs.p50} ms, p95 ${report.apiLatencyMs.p95} ms`;
  const quality = report.meanQualityScore === null ? '' : `; mean quality ${report.meanQualityScore}`;
  lines.push(`  rate ${report.ratePerMinute} items/min${latency}${quality}`);
  lines.push(`  ETA ${formatDuration(report.etaSeconds)}`);
  for (const failure of report.failures.slice(0, 5)) {
    lines.push(
      `  failed ${failure.id} [${failure.errorClass ?? '?'}] after ${failure.attempts} attempt(s): ${failure.message ?? ''}`,
    );
  }
  if (report.failures.length > 5)
    lines.push(`  ... and ${report.failures.length - 5} more (--json lists them)`);
  return lines.join('\n');
}
