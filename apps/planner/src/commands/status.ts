import { REQUEST_NAMES } from '@repo/shared/nba';
import { QUEUE_NAME } from '@repo/shared/queue';
import type { PlannerContext } from '../context.js';
import { formatBytes, formatDuration, progressBar, table } from '../format.js';

export interface RequestProgress {
  readonly planned: number;
  readonly completed: number;
  readonly failed: number;
  readonly retrying: number;
  readonly pending: number;
}

export interface StatusReport {
  readonly season: string;
  readonly queue: {
    readonly name: string;
    readonly paused: boolean;
    readonly counts: Readonly<Record<string, number>>;
    readonly rateLimitSeconds: number;
  };
  readonly requests: Readonly<Record<string, RequestProgress>>;
  readonly totals: { readonly requests: number; readonly rows: number; readonly bytes: number };
  readonly errorsByClass: Readonly<Record<string, number>>;
  readonly etaSeconds: number;
}

/** Progress of the season from Redis: the plan, the item states and the queue's counts. */
export async function collectStatus(ctx: PlannerContext): Promise<StatusReport> {
  const [plan, items, counters, counts, paused] = await Promise.all([
    ctx.state.getPlan(),
    ctx.state.getItems(),
    ctx.state.getCounters(),
    ctx.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'paused'),
    ctx.queue.isPaused(),
  ]);
  const requests: Record<string, RequestProgress> = {};
  for (const request of REQUEST_NAMES) {
    if (request === 'schedule') continue;
    const prefix = `${ctx.config.season}.${request}`;
    let completed = 0;
    let failed = 0;
    let retrying = 0;
    for (const [id, state] of items) {
      if (id !== prefix && !id.startsWith(`${prefix}.`)) continue;
      if (state.status === 'done') completed++;
      else if (state.status === 'failed') failed++;
      else retrying++;
    }
    const planned = plan[request] ?? 0;
    if (planned === 0 && completed + failed + retrying === 0) continue;
    requests[request] = {
      planned,
      completed,
      failed,
      retrying,
      pending: Math.max(0, planned - completed - failed),
    };
  }
  const pending = Object.values(requests).reduce((sum, r) => sum + r.pending, 0);
  return {
    season: ctx.config.season,
    queue: { name: QUEUE_NAME, paused, counts, rateLimitSeconds: ctx.config.rateLimitSeconds },
    requests,
    totals: { requests: counters.requests, rows: counters.rows, bytes: counters.bytes },
    errorsByClass: { ...counters.errors },
    etaSeconds: pending * ctx.config.rateLimitSeconds,
  };
}

export function formatStatus(report: StatusReport): string {
  const lines: string[] = [];
  const state = report.queue.paused ? 'PAUSED' : 'running';
  lines.push(
    `Season ${report.season}  queue ${report.queue.name}: ${state}, 1 request / ${report.queue.rateLimitSeconds} s`,
  );
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
  lines.push(`  ETA ${formatDuration(report.etaSeconds)}`);
  return lines.join('\n');
}
