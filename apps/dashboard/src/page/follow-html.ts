import type { FollowView } from '@repo/shared/state';
import { formatCount } from './format-values.js';
import { html, type SafeHtml } from './html.js';
import { renderInstant } from './time-html.js';

function instantOr(iso: string | null, none: string): SafeHtml | string {
  return iso === null ? none : renderInstant(iso);
}

/**
 * `following 2026-27: last run …, next run …, games added N (total M)`, then the stat-correction
 * rechecks and corrections once there are any, and why the last run failed when it did.
 */
export function renderFollow(follow: FollowView | null): SafeHtml | undefined {
  if (follow === null) return undefined;
  const rechecks =
    follow.rechecksQueuedTotal > 0 || follow.corrections > 0
      ? html`<p class="follow-rechecks" data-testid="follow-rechecks">rechecks queued ${formatCount(follow.rechecksQueued)} (total ${formatCount(follow.rechecksQueuedTotal)}), corrections ${formatCount(follow.corrections)}</p>`
      : undefined;
  const failed =
    follow.lastError === null
      ? undefined
      : html`<p class="follow-error" role="alert" data-testid="follow-error">last run failed: ${follow.lastError}</p>`;
  return html`<section class="follow${failed === undefined ? '' : ' follow-failed'}" data-testid="follow" aria-label="Following ${follow.season}">
  <p class="follow-line" data-testid="follow-line">following ${follow.season}: last run ${instantOr(follow.lastRunAt, 'not yet')}, next run ${instantOr(follow.nextRunAt, 'not scheduled')}, games added ${formatCount(follow.gamesAdded)} (total ${formatCount(follow.gamesAddedTotal)})</p>
  ${rechecks}${failed}<p class="muted small">cron <code>${follow.cron}</code> (${follow.timezone}), since ${instantOr(follow.since === '' ? null : follow.since, 'unknown')}</p>
</section>`;
}
