import { computeProgress, type ItemState, type PlannedEntry } from '@repo/shared/state';
import { describe, expect, it } from 'vitest';
import { pageTitle, renderProgressFragment, renderProgressPage } from './progress-page-html.js';

const NOW = new Date('2025-01-10T12:00:00Z');
const EVIL = '<img src=x onerror=alert(1)>';

function progress(options: { paused?: boolean; failed?: boolean; planned?: boolean } = {}) {
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
      paused: options.paused ?? false,
      pauseReason: options.paused ? `API blocked ${EVIL}` : null,
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
