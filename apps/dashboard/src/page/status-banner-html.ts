import type { Progress } from '@repo/shared/state';
import { formatCount } from './format-values.js';
import { html, type SafeHtml } from './html.js';
import { runStatus } from './run-status.js';

export interface BannerOptions {
  readonly readOnly: boolean;
}

/**
 * The one message that matters most right now, on top of the page: paused (and why) first,
 * then items that failed for good, then "complete" or "nothing planned".
 */
export function renderStatusBanner(progress: Progress, options: BannerOptions): SafeHtml | undefined {
  const status = runStatus(progress);
  const failed = progress.overall.failed;
  const retryHint = options.readOnly
    ? html`This dashboard is read-only: retry them with <code>pnpm planner retry-failed</code>.`
    : html`Fix the cause, then retry them under <a href="./queues/queue/${encodeURIComponent(progress.queue.name)}?status=failed">Queues → failed</a> or with <code>pnpm planner retry-failed</code>.`;
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
