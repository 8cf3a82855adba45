import type { Progress, QueueBudget, QueueHalt } from '@repo/shared/state';
import { formatCount, formatUntil } from './format-values.js';
import { html, type SafeHtml } from './html.js';
import { runStatus } from './run-status.js';
import { renderInstant } from './time-html.js';

export interface BannerOptions {
  readonly readOnly: boolean;
}

const HALT_HEADLINE: Readonly<Record<QueueHalt['cause'], string>> = {
  blocked: 'Paused by itself: the NBA API looks blocked',
  storage: 'Paused by itself: S3 is unavailable',
};
const HALT_SINCE: Readonly<Record<QueueHalt['cause'], string>> = {
  blocked: 'Blocked',
  storage: 'Storage unavailable',
};

/** `Blocked since …, next probe at … (in …), probes so far: N.` */
export function renderHaltLine(halt: QueueHalt, now: string): SafeHtml {
  return html`${HALT_SINCE[halt.cause]} since ${renderInstant(halt.since)}, next probe at ${renderInstant(halt.nextProbeAt)} (${formatUntil(halt.nextProbeAt, now)}), probes so far: ${halt.probes}.`;
}

/** True while the hourly budget is used up and its next slot has not opened yet. */
export function budgetExhausted(budget: QueueBudget | null, now: string): budget is QueueBudget {
  return (
    budget !== null && budget.usedLastHour >= budget.perHour && formatUntil(budget.nextSlotAt, now) !== 'now'
  );
}

/** `Budget: U of P requests in the last hour; next slot at … (in …)`, or `next slot now`. */
export function renderBudgetLine(budget: QueueBudget, now: string): SafeHtml {
  const used = `Budget: ${formatCount(budget.usedLastHour)} of ${formatCount(budget.perHour)} requests in the last hour`;
  return budgetExhausted(budget, now)
    ? html`${used}; next slot at ${renderInstant(budget.nextSlotAt)} (${formatUntil(budget.nextSlotAt, now)})`
    : html`${used}; next slot now`;
}

/**
 * The one message that matters most right now, on top of the page: paused (and why; a pause
 * the queue heals by itself with its probes) first, then items that failed for good, then a
 * used-up hourly budget, then "complete" or "nothing planned".
 */
export function renderStatusBanner(progress: Progress, options: BannerOptions): SafeHtml | undefined {
  const status = runStatus(progress);
  const failed = progress.overall.failed;
  const retryHint = options.readOnly
    ? html`This dashboard is read-only: retry them with <code>pnpm planner retry-failed</code>.`
    : html`Fix the cause, then retry them under <a href="./queues/queue/${encodeURIComponent(progress.queue.name)}?status=failed">Queues → failed</a> or with <code>pnpm planner retry-failed</code>.`;
  const halt = progress.queue.halt;
  if (halt !== null) {
    const resumeNow = options.readOnly
      ? html`Resume it now with <code>pnpm planner resume</code>.`
      : html`Resume it now with <code>pnpm planner resume</code> or the queue's Resume action under <a href="./queues/queue/${encodeURIComponent(progress.queue.name)}">Queues</a>.`;
    return html`<section class="banner banner-paused" role="alert" data-status="paused" data-halt="${halt.cause}">
  <div class="banner-mark">❚❚</div>
  <div><h2>${HALT_HEADLINE[halt.cause]}</h2><p class="reason">${halt.reason}</p><p class="halt">${renderHaltLine(halt, progress.generatedAt)}</p><p>It resumes by itself once a probe gets an answer. ${resumeNow}</p></div>
</section>`;
  }
  if (status === 'paused') {
    const reason = progress.queue.pauseReason ?? 'paused by hand (no reason recorded)';
    const resumeHint = options.readOnly
      ? html`Resume it with <code>pnpm planner resume</code>.`
      : html`Resume it with <code>pnpm planner resume</code> or the queue's Resume action under <a href="./queues/queue/${encodeURIComponent(progress.queue.name)}">Queues</a>.`;
    return html`<section class="banner banner-paused" role="alert" data-status="paused">
  <div class="banner-mark">❚❚</div>
  <div><h2>Paused: workers take no new jobs</h2><p class="reason">${reason}</p><p>${resumeHint}</p></div>
</section>`;
  }
  if (failed > 0) {
    return html`<section class="banner banner-failed" role="status" data-status="failed">
  <div class="banner-mark">!</div>
  <div><h2>${formatCount(failed)} item${failed === 1 ? '' : 's'} failed for good</h2><p>${retryHint}</p></div>
</section>`;
  }
  if (status === 'running' && budgetExhausted(progress.queue.budget, progress.generatedAt)) {
    return html`<section class="banner banner-budget" role="status" data-status="budget">
  <div class="banner-mark">⏳</div>
  <div><h2>Hourly budget used up: workers wait for the next slot</h2><p>${renderBudgetLine(progress.queue.budget, progress.generatedAt)}.</p><p>The limit is <code>RATE_LIMIT_PER_HOUR</code>; nothing needs doing.</p></div>
</section>`;
  }
  if (status === 'done') {
    return html`<section class="banner banner-done" role="status" data-status="done">
  <div class="banner-mark">✓</div>
  <div><h2>Season ${progress.season} complete</h2><p>All ${formatCount(progress.overall.planned)} items are stored.</p></div>
</section>`;
  }
  if (status === 'idle') {
    return html`<section class="banner banner-idle" role="status" data-status="idle">
  <div class="banner-mark">i</div>
  <div><h2>Nothing planned yet</h2><p>Run <code>pnpm planner enqueue season</code> to plan season ${progress.season}.</p></div>
</section>`;
  }
  return undefined;
}
