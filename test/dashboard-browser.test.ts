import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequestQueue, type RequestQueue } from '@repo/shared/queue';
import { RedisState, recordFollowRun, startFollowing } from '@repo/shared/state';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADD, EDIT_DATA, OBLITERATE, RETRY_FAILED_ONLY } from '../apps/dashboard/src/board-allowlist.js';
import { BronzeReader } from './helpers/bronze-reader.js';
import { type FailedRun, RUN_DAY, startFailedRun } from './helpers/failed-run.js';
import { REPO_ROOT, type RunningApp, startApp, waitFor } from './helpers/processes.js';
import { SEASON_2025_26, writeSeasonRecord } from './helpers/season-records.js';
import { testServices } from './helpers/services.js';

/**
 * The dashboard as a person uses it, in headless Chromium (Debian's, see
 * scripts/ensure-chromium.sh): a run where the simulator refused one box score (400), the
 * failed job found and retried in bull-board after the simulator is healed, the box score on
 * S3, and the progress page catching up by itself; then a second planned season, followed,
 * picked in the season picker by keyboard; and the bull-board changes the dashboard refuses
 * (obliterate, add, edit data, retry completed), each with its reason on screen. Screenshots go
 * to test-output/.
 */
const DB = 14;
const PORT = 3925;
const BASE = `http://127.0.0.1:${PORT}`;
const CREDENTIALS = { username: 'ops', password: 'court-side pass 42' };
const SCREENSHOTS = join(REPO_ROOT, 'test-output', 'dashboard-browser');
const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

const services = testServices();
let run: FailedRun;
let dashboard: RunningApp;
let queue: RequestQueue;
let reader: BronzeReader;
let browser: Browser;
let context: BrowserContext;
let progressPage: Page;
const offOrigin: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  run = await startFailedRun(services, DB, 'dashboard-browser');
  queue = createRequestQueue(run.redis);
  reader = new BronzeReader(services, run.bucket);
  dashboard = startApp('dashboard', {
    ...run.env,
    DASHBOARD_PORT: String(PORT),
    DASHBOARD_USER: CREDENTIALS.username,
    DASHBOARD_PASSWORD: CREDENTIALS.password,
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: BROWSER_ARGS });
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    httpCredentials: CREDENTIALS,
  });
  // Nothing may leave the machine: requests beyond 127.0.0.1 are recorded and dropped.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    offOrigin.push(url.href);
    return route.abort();
  });
  await waitFor('the dashboard to listen', async () => {
    try {
      return (await fetch(`${BASE}/healthz`)).ok ? true : undefined;
    } catch {
      return undefined;
    }
  });
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  await queue?.close();
  await reader?.close();
  await run?.close();
});

describe('the dashboard in a browser', () => {
  it('shows the failed box score on the progress page: 80%, the failure, the day in red', async () => {
    progressPage = await context.newPage();
    progressPage.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    progressPage.on('pageerror', (e) => pageErrors.push(e.message));
    await progressPage.goto(`${BASE}/`);
    expect(await progressPage.title()).toContain('80%');
    expect(await progressPage.getByTestId('overall-percent').textContent()).toBe('80%');
    expect(
      await progressPage.getByRole('progressbar', { name: 'box-score' }).getAttribute('aria-valuenow'),
    ).toBe('50');
    expect(await progressPage.locator('.banner h2').textContent()).toBe('1 item failed for good');
    expect(
      await progressPage.locator(`[data-item="${run.failedJobId}"] .failure-message`).textContent(),
    ).toBe('boxscoretraditionalv3 answered HTTP 400');
    const day = progressPage.locator(`.day[data-date="${RUN_DAY}"]`);
    expect(await day.getAttribute('class')).toBe('day failed');
    await day.hover();
    await progressPage.screenshot({ path: join(SCREENSHOTS, 'progress-with-failure.png'), fullPage: true });
  });

  it('finds the failed job in bull-board and retries it after the simulator is healed; it completes and lands on S3', async () => {
    const page = await context.newPage();
    await page.goto(`${BASE}/queues`);
    await page.getByRole('link', { name: 'nba-requests' }).first().click();
    await page.locator('a[href$="/queues/queue/nba-requests?status=failed"]').click();
    const header = page.locator('[class*="header-"]', {
      has: page.getByText(run.failedJobId, { exact: true }),
    });
    await header.waitFor();
    expect(await page.getByText('[client] boxscoretraditionalv3 answered HTTP 400').count()).toBeGreaterThan(
      0,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'queues-failed-job.png') });

    run.sim.faults.setPlan({ seed: 1, rules: [] });
    const retry = header.locator('button:has(svg.lucide-refresh-cw)');
    await retry.hover();
    await page.getByText('Retry', { exact: true }).waitFor();
    await retry.click();
    await page.getByRole('button', { name: 'Confirm' }).click();

    await waitFor('the retried job to complete', async () =>
      (await queue.getJobState(run.failedJobId)) === 'completed' ? true : undefined,
    );
    const game = run.games.find((g) => g.gameId === run.failedGameId);
    const key = `historical-backfill/box-scores/season=2024-25/month=10/${run.failedGameId}.parquet`;
    expect(await reader.rowCount(key)).toBe(
      (game?.boxScorePlayers.home ?? 0) + (game?.boxScorePlayers.away ?? 0),
    );
    expect(await reader.keys('historical-backfill/_raw/box-score/')).toContain(
      `historical-backfill/_raw/box-score/season=2024-25/${run.failedGameId}.json.gz`,
    );
    const boxScoreAnswers = run.sim.requestLog
      .entries()
      .filter((e) => e.endpoint === 'boxscoretraditionalv3' && e.query.GameID === run.failedGameId)
      .map((e) => e.status);
    expect(boxScoreAnswers).toEqual([400, 200]);

    await page.locator('a[href$="/queues/queue/nba-requests?status=completed"]').click();
    await page.getByText(run.failedJobId, { exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'queues-after-retry.png') });
    await page.close();
  });

  it('the open progress page catches up by itself: 100%, complete, no failures, the day in green', async () => {
    await expect
      .poll(() => progressPage.getByTestId('overall-percent').textContent(), {
        timeout: 15_000,
        interval: 250,
      })
      .toBe('100%');
    expect(await progressPage.getByTestId('run-status').textContent()).toBe('Complete');
    expect(await progressPage.locator('.banner h2').textContent()).toBe('Season 2024-25 complete');
    expect(await progressPage.getByTestId('no-failures').isVisible()).toBe(true);
    expect(await progressPage.locator('[data-request] .bar').evaluateAll((bars) => bars.length)).toBe(3);
    for (const request of ['players', 'box-score', 'play-by-play']) {
      expect(
        await progressPage.getByRole('progressbar', { name: request }).getAttribute('aria-valuenow'),
      ).toBe('100');
    }
    const day = progressPage.locator(`.day[data-date="${RUN_DAY}"]`);
    expect(await day.getAttribute('class')).toBe('day complete');
    expect(await day.getAttribute('data-tip')).toBe('Tue, 22 Oct 2024: 4 of 4 done, 0 failed, 0 pending');
    expect(await progressPage.locator('#refresh-state').getAttribute('class')).toBe('fresh');
    await day.hover();
    await progressPage.screenshot({ path: join(SCREENSHOTS, 'progress-after-retry.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('picks the second season in the picker by keyboard and shows its figures and follow line; refreshes keep it', async () => {
    const later = SEASON_2025_26.season;
    await writeSeasonRecord(run.redis, SEASON_2025_26);
    await startFollowing(run.redis, later, { cron: '0 10 * * *', timezone: 'America/New_York' }, new Date());
    await recordFollowRun(run.redis, later, {
      at: new Date().toISOString(),
      gamesAdded: 4,
      rechecksQueued: 0,
    });
    await progressPage.reload();
    const picker = progressPage.getByLabel('Season');
    expect(await picker.locator('option').allTextContents()).toEqual(['2024-25', later]);
    expect(await picker.inputValue()).toBe('2024-25');
    // The follow record is 2025-26's: the 2024-25 page has no follow line.
    expect(await progressPage.getByTestId('follow').count()).toBe(0);

    // Moving through the list by keyboard does not leave the page; Show does.
    await picker.focus();
    await progressPage.keyboard.press('ArrowDown');
    expect(await picker.inputValue()).toBe(later);
    expect(new URL(progressPage.url()).search).toBe('');
    await progressPage.keyboard.press('Tab');
    await Promise.all([progressPage.waitForURL(`**/?season=${later}`), progressPage.keyboard.press('Enter')]);

    expect(await progressPage.title()).toBe(`33% · NBA backfill ${later} · Running`);
    expect(await progressPage.getByTestId('overall-percent').textContent()).toBe('33%');
    expect(await picker.inputValue()).toBe(later);
    expect(await progressPage.locator('[data-request]').evaluateAll((rows) => rows.length)).toBe(3);
    expect(
      await progressPage.getByRole('progressbar', { name: 'players' }).getAttribute('aria-valuenow'),
    ).toBe('100');
    expect(await progressPage.locator('[data-tile="rows"] .tile-value').textContent()).toBe('530');
    expect(await progressPage.locator(`.day[data-date="2025-10-21"]`).getAttribute('class')).toBe('day none');
    expect(await progressPage.getByTestId('follow-line').textContent()).toMatch(
      new RegExp(`^following ${later}: last run .+, next run not scheduled, games added 4 \\(total 4\\)$`),
    );

    // A refresh asks for the chosen season: 2025-26 moves to 2 of 3 (2024-25 is at 100%).
    await new RedisState(run.redis, later).recordSuccess(
      `${later}.box-score.0022500001`,
      { rows: 34, bytes: 3000, attempts: 1 },
      new Date(),
    );
    await expect
      .poll(() => progressPage.getByTestId('overall-percent').textContent(), {
        timeout: 15_000,
        interval: 250,
      })
      .toBe('66%');
    expect(await progressPage.title()).toBe(`66% · NBA backfill ${later} · Running`);
    expect(await progressPage.getByTestId('follow-line').isVisible()).toBe(true);
    await progressPage.screenshot({ path: join(SCREENSHOTS, 'progress-second-season.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('refuses obliterate, add, editing job data and retrying completed jobs in bull-board, and says why', async () => {
    const page = await context.newPage();
    const before = { counts: await queue.getJobCounts(), rateLimit: await queue.getGlobalRateLimit() };
    const sent = () => run.sim.requestLog.entries().length;
    const sentBefore = sent();
    await page.goto(`${BASE}/queues/queue/nba-requests?status=completed`);
    const header = page.locator('[class*="header-"]', {
      has: page.getByText(run.failedJobId, { exact: true }),
    });
    await header.waitFor();
    const toast = (reason: string) => page.getByText(reason, { exact: true }).waitFor();
    // No "Retry all" on completed jobs. The job retried above failed once, so bull-board still
    // offers to retry it: the dashboard refuses (it would fetch the box score again).
    expect(await page.getByRole('button', { name: 'Retry all' }).count()).toBe(0);
    const retry = header.locator('button:has(svg.lucide-refresh-cw)');
    await retry.click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await toast(RETRY_FAILED_ONLY);

    const queueMenu = page.locator('button:has(svg.lucide-ellipsis-vertical)');
    await queueMenu.click();
    await page.getByRole('menuitem', { name: 'Obliterate' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await toast(OBLITERATE);

    await queueMenu.click();
    await page.getByRole('menuitem', { name: 'Add job' }).click();
    await page.getByLabel('Job name').fill('box-score');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await toast(ADD);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(SCREENSHOTS, 'queues-refused.png') });

    // No button for these (none on completed jobs): the same requests from the page itself, as
    // bull-board's client sends them, so Origin and Content-Type are the page's own.
    const answers = await page.evaluate(
      async (requests) => {
        const results: { status: number; body: unknown }[] = [];
        for (const [method, path, body] of requests) {
          const response = await fetch(path, {
            method,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          results.push({ status: response.status, body: await response.json() });
        }
        return results;
      },
      [
        ['PUT', '/queues/api/queues/nba-requests/retry/completed', {}],
        [
          'PATCH',
          `/queues/api/queues/nba-requests/${run.failedJobId}/update-data`,
          { data: { gameId: 'x' } },
        ],
      ] as const,
    );
    const refused = (message: string) => ({
      status: 403,
      body: { error: { key: 'ERRORS.FORBIDDEN' }, message },
    });
    expect(answers).toEqual([refused(RETRY_FAILED_ONLY), refused(EDIT_DATA)]);

    expect({ counts: await queue.getJobCounts(), rateLimit: await queue.getGlobalRateLimit() }).toEqual(
      before,
    );
    expect(await queue.getJobState(run.failedJobId)).toBe('completed');
    expect(sent()).toBe(sentBefore);
    await page.close();
  });

  it('sent nothing beyond 127.0.0.1 (bull-board asks for Google Fonts; the page policy stops it)', () => {
    expect(offOrigin.filter((url) => !url.startsWith('https://fonts.googleapis.com/'))).toEqual([]);
  });
});
