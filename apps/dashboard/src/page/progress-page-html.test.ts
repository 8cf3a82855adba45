import {
  computeProgress,
  type FollowView,
  type ItemState,
  type PlannedEntry,
  type QueueBudget,
  type QueueHalt,
} from '@repo/shared/state';
import { describe, expect, it } from 'vitest';
import { pageTitle, renderProgressFragment, renderProgressPage } from './progress-page-html.js';

const NOW = new Date('2025-01-10T12:00:00Z');
const EVIL = '<img src=x onerror=alert(1)>';

function progress(
  options: {
    paused?: boolean;
    failed?: boolean;
    planned?: boolean;
    halt?: QueueHalt;
    budget?: QueueBudget;
  } = {},
) {
  const planned = new Map<string, PlannedEntry>(
    options.planned === false
      ? []
      : [
          ['2024-25.players', { request: 'players' }],
          ['2024-25.box-score.0022400061', { request: 'box-score', gameDate: '2024-10-22' }],
        ],
  );
  const items = new Map<string, ItemState>();
  if (options.planned !== false) {
    items.set('2024-25.players', {
      status: 'done',
      rows: 1,
      bytes: 1,
      attempts: 1,
      updatedAt: NOW.toISOString(),
    });
  }
  if (options.failed) {
    items.set('2024-25.box-score.0022400061', {
      status: 'failed',
      rows: 0,
      bytes: 0,
      attempts: 1,
      errorKind: 'parse',
      errorMessage: `bad shape ${EVIL}`,
      updatedAt: NOW.toISOString(),
    });
  }
  return computeProgress(
    {
      season: '2024-25',
      queueName: 'nba-requests',
      rateLimitSeconds: 5,
      planned,
      items,
      counters: { requests: 2, rows: 1, bytes: 1, errors: options.failed ? { parse: 1 } : {} },
      latencies: [12],
      queueCounts: {},
      paused: options.paused ?? options.halt !== undefined,
      pauseReason: options.halt?.reason ?? (options.paused ? `API blocked ${EVIL}` : null),
      budget: options.budget ?? null,
      halt: options.halt ?? null,
    },
    NOW,
  );
}

describe('the progress page', () => {
  it('escapes the pause reason and failure messages', () => {
    const page = renderProgressPage(progress({ paused: true, failed: true }), { readOnly: false });
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('API blocked &lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('bad shape &lt;img src=x onerror=alert(1)&gt;');
  });

  it('leads with the pause when paused, with the failures otherwise, and says when all is done', () => {
    expect(renderProgressFragment(progress({ paused: true, failed: true }), { readOnly: false })).toContain(
      'data-status="paused"',
    );
    expect(renderProgressFragment(progress({ failed: true }), { readOnly: false })).toContain(
      'data-status="failed"',
    );
    expect(renderProgressFragment(progress({ planned: false }), { readOnly: false })).toContain(
      'Nothing planned yet',
    );
    expect(pageTitle(progress({ paused: true }))).toBe('PAUSED · 50% · NBA backfill 2024-25 · Paused');
  });

  it('points a read-only reader at the CLI instead of the retry buttons', () => {
    const readOnly = renderProgressFragment(progress({ failed: true }), { readOnly: true });
    expect(readOnly).toContain('This dashboard is read-only');
    expect(readOnly).not.toContain('Queues → failed');
  });

  it('needs nothing from elsewhere: no external script, style, image or font', () => {
    const page = renderProgressPage(progress({ failed: true }), { readOnly: false });
    expect(page).not.toMatch(
      /<script[^>]+src=|<link[^>]+stylesheet|url\(|@import|(src|href)="(https?:)?\/\//,
    );
  });
});

const BLOCKED: QueueHalt = {
  cause: 'blocked',
  since: '2025-01-10T11:50:00.000Z',
  reason: `API blocked: 10 timeouts in a row ${EVIL}`,
  probes: 3,
  nextProbeAt: '2025-01-10T12:02:00.000Z',
};

describe('a pause the queue heals by itself, and the hourly budget', () => {
  it('says since when it is blocked, the next probe, the probes so far, why, and that it resumes by itself', () => {
    const fragment = renderProgressFragment(progress({ halt: BLOCKED }), { readOnly: false });
    expect(fragment).toContain(
      '<section class="banner banner-paused" role="alert" data-status="paused" data-halt="blocked">\n' +
        '  <div class="banner-mark">❚❚</div>\n' +
        '  <div><h2>Paused by itself: the NBA API looks blocked</h2>' +
        '<p class="reason">API blocked: 10 timeouts in a row &lt;img src=x onerror=alert(1)&gt;</p>' +
        '<p class="halt">Blocked since <time datetime="2025-01-10T11:50:00.000Z">2025-01-10 11:50:00 UTC</time>, ' +
        'next probe at <time datetime="2025-01-10T12:02:00.000Z">2025-01-10 12:02:00 UTC</time> (in 2m 00s), probes so far: 3.</p>' +
        '<p>It resumes by itself once a probe gets an answer. Resume it now with <code>pnpm planner resume</code> ' +
        'or the queue\'s Resume action under <a href="./queues/queue/nba-requests">Queues</a>.</p></div>\n' +
        '</section>',
    );
    expect(fragment).not.toContain('<img');
    expect(fragment).toContain('once resumed · 1 request / 5 s');
    expect(pageTitle(progress({ halt: BLOCKED }))).toBe('PAUSED · 50% · NBA backfill 2024-25 · Paused');
  });

  it('names a storage halt as such, a due probe as now, and points a read-only reader at the CLI', () => {
    const halt: QueueHalt = {
      cause: 'storage',
      since: '2025-01-10T11:59:50.000Z',
      reason: 'S3 unavailable: 3 failed writes in a row',
      probes: 0,
      nextProbeAt: '2025-01-10T11:59:55.000Z',
    };
    const fragment = renderProgressFragment(progress({ halt }), { readOnly: true });
    expect(fragment).toContain('data-halt="storage"');
    expect(fragment).toContain('<h2>Paused by itself: S3 is unavailable</h2>');
    expect(fragment).toContain(
      '<p class="halt">Storage unavailable since <time datetime="2025-01-10T11:59:50.000Z">2025-01-10 11:59:50 UTC</time>, ' +
        'next probe at <time datetime="2025-01-10T11:59:55.000Z">2025-01-10 11:59:55 UTC</time> (now), probes so far: 0.</p>' +
        '<p>It resumes by itself once a probe gets an answer. Resume it now with <code>pnpm planner resume</code>.</p>',
    );
    expect(fragment).not.toContain('Queues</a>');
  });

  it('shows the budget in a tile, and a banner only while it is used up', () => {
    const full = renderProgressFragment(
      progress({ budget: { perHour: 1200, usedLastHour: 1200, nextSlotAt: '2025-01-10T12:00:30.000Z' } }),
      { readOnly: false },
    );
    expect(full).toContain(
      '<div class="tile" data-tile="budget"><div class="tile-label">Hourly budget</div>' +
        '<div class="tile-value">1,200 of 1,200</div><div class="tile-note">requests in the last hour · ' +
        'next slot at <time datetime="2025-01-10T12:00:30.000Z">2025-01-10 12:00:30 UTC</time> (in 30s)</div></div>',
    );
    expect(full).toContain(
      '<section class="banner banner-budget" role="status" data-status="budget">\n' +
        '  <div class="banner-mark">⏳</div>\n' +
        '  <div><h2>Hourly budget used up: workers wait for the next slot</h2>' +
        '<p>Budget: 1,200 of 1,200 requests in the last hour; next slot at ' +
        '<time datetime="2025-01-10T12:00:30.000Z">2025-01-10 12:00:30 UTC</time> (in 30s).</p>' +
        '<p>The limit is <code>RATE_LIMIT_PER_HOUR</code>; nothing needs doing.</p></div>\n' +
        '</section>',
    );
    expect(full).toContain('<div class="tile-note">1 request / 5 s, at most 1,200 / hour</div>');

    const free = renderProgressFragment(
      progress({ budget: { perHour: 1200, usedLastHour: 7, nextSlotAt: NOW.toISOString() } }),
      { readOnly: false },
    );
    expect(free).toContain(
      '<div class="tile-value">7 of 1,200</div><div class="tile-note">requests in the last hour · next slot now</div>',
    );
    expect(free).not.toContain('data-status="budget"');
    expect(renderProgressFragment(progress(), { readOnly: false })).not.toContain('data-tile="budget"');
  });
});

const FOLLOW: FollowView = {
  season: '2024-25',
  cron: '0 10 * * *',
  timezone: 'America/New_York',
  since: '2025-01-01T00:00:00.000Z',
  lastRunAt: '2025-01-10T10:00:00.000Z',
  nextRunAt: '2025-01-11T15:00:00.000Z',
  gamesAdded: 2,
  gamesAddedTotal: 30,
  rechecksQueued: 0,
  rechecksQueuedTotal: 0,
  corrections: 0,
  lastError: null,
};

describe('several planned seasons, and a followed one', () => {
  const twoSeasons = { ...progress(), seasons: ['2023-24', '2024-25'] };

  it('heads the page with a picker of every planned season, the shown one selected', () => {
    const page = renderProgressPage(twoSeasons, { readOnly: false });
    expect(page).toContain(
      '<select id="season-select" name="season"><option value="2023-24">2023-24</option><option value="2024-25" selected>2024-25</option></select>',
    );
    expect(page).toContain('<form class="season-picker" method="get" action="./"');
    expect(page).toContain('<a href="./api/progress?season=2024-25">JSON</a>');
    expect(page).toContain('<title>50% · NBA backfill 2024-25 · Running</title>');
  });

  it('tells the refresh script the season it shows, so a refresh keeps it', () => {
    const page = renderProgressPage(twoSeasons, { readOnly: false });
    expect(page).toContain('<main id="live" data-refresh-seconds="5" data-season="2024-25">');
    expect(page).toContain("new URLSearchParams({ season: live.dataset.season || '', fragment: '1' })");
    // The picker sits in the header, which the script leaves alone: no picker in the fragment.
    expect(renderProgressFragment(twoSeasons, { readOnly: false })).not.toContain('season-picker');
  });

  it('shows the follow line in the refreshed part when the season is followed, and nothing when not', () => {
    const fragment = renderProgressFragment({ ...twoSeasons, follow: FOLLOW }, { readOnly: false });
    expect(fragment).toContain('data-testid="follow-line">following 2024-25: last run <time');
    expect(fragment).toContain('games added 2 (total 30)</p>');
    expect(fragment.indexOf('data-testid="follow"')).toBeLessThan(fragment.indexOf('data-testid="overall"'));
    expect(renderProgressFragment(twoSeasons, { readOnly: false })).not.toContain('data-testid="follow"');
  });
});
