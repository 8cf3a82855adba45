import type { Progress } from '@repo/shared/state';
import { renderFailures } from './failures-html.js';
import { renderFollow } from './follow-html.js';
import { percentDone } from './format-values.js';
import { html, trustedHtml } from './html.js';
import { renderOverview } from './overview-html.js';
import { PAGE_STYLE } from './page-style.js';
import { REFRESH_SCRIPT } from './refresh-script.js';
import { renderRequestTable } from './request-table-html.js';
import { RUN_STATUS_LABEL, runStatus } from './run-status.js';
import { renderSeasonCalendar } from './season-calendar-html.js';
import { renderSeasonPicker } from './season-picker-html.js';
import { renderStatusBanner } from './status-banner-html.js';

// An inline icon, so the browser does not ask for /favicon.ico (and the page needs no asset).
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%23e8702a'/%3E%3Cpath d='M1 8h14M8 1v14' stroke='%23000' stroke-width='.8' fill='none'/%3E%3C/svg%3E";

export interface ProgressPageOptions {
  readonly readOnly: boolean;
  /** @defaultValue 5 */
  readonly refreshSeconds?: number;
}

export function pageTitle(progress: Progress): string {
  const pct = percentDone(progress.overall.completed, progress.overall.planned);
  const status = runStatus(progress);
  const prefix = status === 'paused' ? 'PAUSED · ' : '';
  return `${prefix}${pct}% · NBA backfill ${progress.season} · ${RUN_STATUS_LABEL[status]}`;
}

/** Everything that changes with the progress: the part the page's script swaps in. */
export function renderProgressFragment(progress: Progress, options: ProgressPageOptions): string {
  return html`<div hidden data-title="${pageTitle(progress)}"></div>
${renderStatusBanner(progress, options)}
${renderFollow(progress.follow)}
${renderOverview(progress)}
<section class="card" data-testid="requests"><h2>By request type</h2>${renderRequestTable(progress)}</section>
<section class="card" data-testid="errors"><h2>Errors</h2>${renderFailures(progress)}</section>
<section class="card" data-testid="calendar"><h2>Season calendar <span class="muted small">one cell per game day; hover for counts</span></h2>${renderSeasonCalendar(progress.calendar)}</section>`
    .value;
}

/** The whole progress page (DESIGN §8): server-rendered, inline style and script, no assets. */
export function renderProgressPage(progress: Progress, options: ProgressPageOptions): string {
  const refreshSeconds = options.refreshSeconds ?? 5;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${pageTitle(progress)}</title>
<link rel="icon" href="${FAVICON}">
<style>${trustedHtml(PAGE_STYLE)}</style>
<noscript><meta http-equiv="refresh" content="${refreshSeconds * 2}"></noscript>
</head>
<body>
<header class="top"><div class="top-inner">
  <div class="brand"><span class="brand-mark"></span>NBA season backfill</div>
  ${renderSeasonPicker(progress.seasons, progress.season)}
  <nav><a href="./queues">Queues</a><a href="./api/progress?season=${encodeURIComponent(progress.season)}">JSON</a><a href="./metrics">Metrics</a></nav>
</div></header>
<main id="live" data-refresh-seconds="${refreshSeconds}" data-season="${progress.season}">
${trustedHtml(renderProgressFragment(progress, options))}
</main>
<footer><span>Queue <code>${progress.queue.name}</code>${options.readOnly ? ' · read-only' : ''}</span><span>Refreshes every ${refreshSeconds} s</span><span id="refresh-state">rendered <time datetime="${progress.generatedAt}">${progress.generatedAt.slice(11, 19)} UTC</time></span></footer>
<script>${trustedHtml(REFRESH_SCRIPT)}</script>
</body>
</html>
`.value;
}
