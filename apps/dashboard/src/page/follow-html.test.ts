import type { FollowView } from '@repo/shared/state';
import { describe, expect, it } from 'vitest';
import { renderFollow } from './follow-html.js';

const EVIL = '<img src=x onerror=alert(1)>';
const FOLLOW: FollowView = {
  season: '2026-27',
  cron: '0 10 * * *',
  timezone: 'America/New_York',
  since: '2026-10-01T00:00:00.000Z',
  lastRunAt: '2026-11-02T15:00:04.000Z',
  nextRunAt: '2026-11-03T15:00:00.000Z',
  gamesAdded: 7,
  gamesAddedTotal: 1234,
  rechecksQueued: 0,
  rechecksQueuedTotal: 0,
  corrections: 0,
  lastError: null,
};

describe('the follow line', () => {
  it('is absent when the season is not followed', () => {
    expect(renderFollow(null)).toBeUndefined();
  });

  it('says when it last ran and runs next, and the games added by the last run and in all', () => {
    const out = renderFollow(FOLLOW)?.value ?? '';
    expect(out).toContain(
      '<p class="follow-line" data-testid="follow-line">following 2026-27: ' +
        'last run <time datetime="2026-11-02T15:00:04.000Z">2026-11-02 15:00:04 UTC</time>, ' +
        'next run <time datetime="2026-11-03T15:00:00.000Z">2026-11-03 15:00:00 UTC</time>, ' +
        'games added 7 (total 1,234)</p>',
    );
    expect(out).toContain('cron <code>0 10 * * *</code> (America/New_York)');
    expect(out).not.toContain('data-testid="follow-rechecks"');
    expect(out).not.toContain('data-testid="follow-error"');
    expect(out).toContain('<section class="follow" data-testid="follow"');
  });

  it('says so before the first run and without a scheduler', () => {
    const out = renderFollow({ ...FOLLOW, lastRunAt: null, nextRunAt: null })?.value ?? '';
    expect(out).toContain('following 2026-27: last run not yet, next run not scheduled, games added 7');
  });

  it('adds rechecks and corrections once there are any, and why the last run failed, escaped', () => {
    const out =
      renderFollow({
        ...FOLLOW,
        rechecksQueued: 3,
        rechecksQueuedTotal: 40,
        corrections: 2,
        lastError: `schedule answered HTTP 503 ${EVIL}`,
        cron: `0 10 * * * ${EVIL}`,
      })?.value ?? '';
    expect(out).toContain('rechecks queued 3 (total 40), corrections 2</p>');
    expect(out).toContain(
      '<p class="follow-error" role="alert" data-testid="follow-error">last run failed: schedule answered HTTP 503 &lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(out).toContain('<section class="follow follow-failed"');
    expect(out).not.toContain('<img');
  });
});
