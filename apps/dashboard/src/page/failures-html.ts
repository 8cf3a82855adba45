import { ERROR_KINDS } from '@repo/shared/nba';
import type { Progress } from '@repo/shared/state';
import { formatCount } from './format-values.js';
import { html, type SafeHtml } from './html.js';

/** How many of the latest failures the page lists (the JSON has up to 50). */
export const FAILURES_SHOWN = 8;

/** Why each class happens, for the chip's tooltip (DESIGN §5). */
const CLASS_MEANING: Readonly<Record<string, string>> = {
  timeout: 'no answer in time; retried with backoff',
  connection: 'reset, refused or DNS; retried with backoff',
  throttled: '429/403/503; global cool-down, then retried',
  server: 'other 5xx; retried with backoff',
  client: '400/404; not retried',
  empty: '200 without data; retried a few times',
  parse: 'unexpected shape; not retried, body quarantined',
  storage: 'S3 error; retried',
};

/** Failed attempts by error class, then the latest items that failed for good. */
export function renderFailures(progress: Progress): SafeHtml {
  const classes = ERROR_KINDS.map((kind) => [kind, progress.errorsByClass[kind] ?? 0] as const).filter(
    ([, count]) => count > 0,
  );
  const chips =
    classes.length === 0
      ? html`<p class="muted" data-testid="no-errors">No failed attempts.</p>`
      : html`<div class="chips">${classes.map(
          ([kind, count]) =>
            html`<span class="chip chip-${kind}" data-class="${kind}" title="${CLASS_MEANING[kind] ?? ''}"><b>${formatCount(count)}</b> ${kind}</span>`,
        )}</div>`;
  const latest = progress.failures.slice(0, FAILURES_SHOWN);
  const list =
    latest.length === 0
      ? html`<p class="muted" data-testid="no-failures">No item has failed for good.</p>`
      : html`<ul class="failures">${latest.map(
          (f) => html`<li data-item="${f.id}">
  <div class="failure-head"><span class="chip chip-${f.errorClass ?? 'unknown'}">${f.errorClass ?? 'unknown'}</span><code>${f.id}</code><span class="muted small">${f.attempts} attempt${f.attempts === 1 ? '' : 's'} · <time datetime="${f.updatedAt}">${f.updatedAt.slice(11, 19)} UTC</time></span></div>
  <div class="failure-message" title="${f.message ?? ''}">${f.message ?? '(no message)'}</div>
</li>`,
        )}</ul>${
          progress.overall.failed > latest.length
            ? html`<p class="muted small">and ${formatCount(progress.overall.failed - latest.length)} more under Queues → failed.</p>`
            : ''
        }`;
  return html`<h3 class="sub">Failed attempts by class</h3>${chips}<h3 class="sub">Latest items failed for good</h3>${list}`;
}
