import type { Progress } from '@repo/shared/state';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatMs,
  formatUntil,
  percentDone,
} from './format-values.js';
import { type HtmlValue, html, type SafeHtml } from './html.js';
import { renderProgressBar } from './progress-bar-html.js';
import { RUN_STATUS_LABEL, runStatus } from './run-status.js';
import { budgetExhausted } from './status-banner-html.js';
import { renderInstant } from './time-html.js';

function eta(progress: Progress): { value: string; note: string } {
  const status = runStatus(progress);
  const budget = progress.queue.budget;
  const limit = `1 request / ${progress.queue.rateLimitSeconds} s${budget === null ? '' : `, at most ${formatCount(budget.perHour)} / hour`}`;
  if (status === 'done' || status === 'done-with-failures') return { value: 'done', note: limit };
  if (status === 'idle') return { value: '–', note: limit };
  const value = formatDuration(progress.etaSeconds);
  return { value, note: status === 'paused' ? `once resumed · ${limit}` : limit };
}

function tile(label: string, value: string, note: HtmlValue, key: string): SafeHtml {
  return html`<div class="tile" data-tile="${key}"><div class="tile-label">${label}</div><div class="tile-value">${value}</div><div class="tile-note">${note}</div></div>`;
}

/** The hourly budget (RATE_LIMIT_PER_HOUR), when there is one: used of allowed, and the next slot. */
function budgetTile(progress: Progress): SafeHtml | undefined {
  const budget = progress.queue.budget;
  if (budget === null) return undefined;
  const now = progress.generatedAt;
  const next = budgetExhausted(budget, now)
    ? html`next slot at ${renderInstant(budget.nextSlotAt)} (${formatUntil(budget.nextSlotAt, now)})`
    : 'next slot now';
  return tile(
    'Hourly budget',
    `${formatCount(budget.usedLastHour)} of ${formatCount(budget.perHour)}`,
    html`requests in the last hour · ${next}`,
    'budget',
  );
}

/** The headline: overall percentage and bar, status, and the figures people ask about first. */
export function renderOverview(progress: Progress): SafeHtml {
  const o = progress.overall;
  const left = eta(progress);
  const status = runStatus(progress);
  const pct = percentDone(o.completed, o.planned);
  const quality = progress.meanQualityScore;
  const c = progress.queue.counts;
  const waiting = (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.paused ?? 0);
  return html`<section class="card overall" data-testid="overall">
  <div class="overall-head">
    <div class="big-pct" data-testid="overall-percent">${pct}<span>%</span></div>
    <div class="overall-text">
      <div><strong>${formatCount(o.completed)}</strong> of <strong>${formatCount(o.planned)}</strong> items done</div>
      <div class="legend-inline">
        <span class="key key-done"></span>${formatCount(o.completed)} done
        <span class="key key-failed"></span>${formatCount(o.failed)} failed
        <span class="key key-retrying"></span>${formatCount(o.retrying)} retrying
        <span class="key key-pending"></span>${formatCount(o.pending)} pending
      </div>
    </div>
    <div class="pill pill-${status}" data-testid="run-status">${RUN_STATUS_LABEL[status]}</div>
  </div>
  ${renderProgressBar(o, 'all items', 'large')}
</section>
<section class="tiles">
  ${tile('ETA', left.value, left.note, 'eta')}
  ${tile('Rate', `${progress.ratePerMinute}/min`, 'items done, last 10 min', 'rate')}
  ${tile('Requests', formatCount(progress.totals.requests), 'NBA API answers', 'requests')}
  ${tile('Rows', formatCount(progress.totals.rows), 'Parquet rows written', 'rows')}
  ${tile('Stored', formatBytes(progress.totals.bytes), 'Parquet + raw on S3', 'bytes')}
  ${tile('API latency', `${formatMs(progress.apiLatencyMs.p50)}`, `p50 · p95 ${formatMs(progress.apiLatencyMs.p95)}`, 'latency')}
  ${tile('Mean quality', quality === null ? '–' : quality.toFixed(3), quality === null ? 'no scores yet' : 'score 0..1', 'quality')}
  ${tile('Queue', `${formatCount(c.active ?? 0)} active`, `${formatCount(waiting)} waiting · ${formatCount(c.delayed ?? 0)} delayed · ${formatCount(c.failed ?? 0)} failed`, 'queue')}
  ${budgetTile(progress)}
</section>`;
}
