import { ENDPOINTS, type RequestName } from '@repo/shared/nba';
import type { Progress, RequestProgress } from '@repo/shared/state';
import { formatCount, percentDone } from './format-values.js';
import { html, type SafeHtml } from './html.js';
import { renderProgressBar } from './progress-bar-html.js';

function renderRow(request: string, p: RequestProgress): SafeHtml {
  const endpoint = (ENDPOINTS as Partial<Record<string, { endpoint: string }>>)[request]?.endpoint;
  return html`<tr data-request="${request}">
  <th scope="row"><div class="req-name">${request}</div><div class="muted small">${endpoint ?? ''}</div></th>
  <td class="bar-cell">${renderProgressBar(p, request, 'small')}</td>
  <td class="num"><strong>${percentDone(p.completed, p.planned)}%</strong></td>
  <td class="num">${formatCount(p.completed)} / ${formatCount(p.planned)}</td>
  <td class="num ${p.failed > 0 ? 'bad' : 'muted'}">${formatCount(p.failed)}</td>
  <td class="num ${p.retrying > 0 ? 'warn' : 'muted'}">${formatCount(p.retrying)}</td>
  <td class="num muted">${formatCount(p.pending)}</td>
</tr>`;
}

/** One progress bar per request type (players, box-score, play-by-play...). */
export function renderRequestTable(progress: Progress): SafeHtml {
  const rows = (Object.entries(progress.requests) as [RequestName, RequestProgress][]).map(([request, p]) =>
    renderRow(request, p),
  );
  if (rows.length === 0) return html`<p class="muted">No requests planned yet.</p>`;
  return html`<div class="table-wrap"><table class="requests">
  <thead><tr><th scope="col">request</th><th scope="col">progress</th><th scope="col" class="num">done</th><th scope="col" class="num">items</th><th scope="col" class="num">failed</th><th scope="col" class="num">retrying</th><th scope="col" class="num">pending</th></tr></thead>
  <tbody>${rows}</tbody>
</table></div>`;
}
