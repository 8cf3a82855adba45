import type { EnqueueReport } from '@repo/shared/ingest';
import { REQUEST_NAMES, type RequestName } from '@repo/shared/nba';
import { formatDuration, table } from '../format.js';

/** The plan, one screen. */
export function formatEnqueueReport(report: EnqueueReport, rateLimitSeconds: number): string {
  const lines: string[] = [];
  lines.push(
    `Season ${report.season}: schedule from leaguegamelog (${report.scheduleRequests} NBA request(s) this run)`,
  );
  lines.push(
    table(
      Object.entries(report.gamesBySeasonType).map(([seasonType, t]) => [
        `  ${seasonType}`,
        `${t.games} games`,
        t.first === undefined ? '' : `${t.first} .. ${t.last}`,
      ]),
    ),
  );
  for (const failure of report.scheduleFailures) {
    lines.push(`  ${failure.seasonType}: schedule FAILED, its games are not planned: ${failure.message}`);
  }
  for (const what of report.restored)
    lines.push(`  put back from the checkpoint after a lost Redis: ${what}`);
  if (report.notFinal.length > 0) {
    lines.push(
      `  ${report.notFinal.length} listed game(s) not final yet, left for a later run (none of their items is planned):`,
    );
    for (const game of report.notFinal.slice(0, 10))
      lines.push(`    ${game.gameId} ${game.gameDate}: ${game.reason}`);
    if (report.notFinal.length > 10) lines.push(`    ... and ${report.notFinal.length - 10} more`);
  }
  lines.push('');
  const order = REQUEST_NAMES.filter((name: RequestName) => report.jobs[name] !== undefined);
  const rows: (string | number)[][] = [['  jobs', 'total', 'new', 'queued', 'done']];
  let totals = { total: 0, new: 0, queued: 0, done: 0 };
  for (const request of order) {
    const j = report.jobs[request] ?? { new: 0, queued: 0, done: 0 };
    const total = j.new + j.queued + j.done;
    totals = {
      total: totals.total + total,
      new: totals.new + j.new,
      queued: totals.queued + j.queued,
      done: totals.done + j.done,
    };
    rows.push([`  ${request}`, total, j.new, j.queued, j.done]);
  }
  rows.push(['  all', totals.total, totals.new, totals.queued, totals.done]);
  lines.push(table(rows));
  lines.push('');
  const eta = `${formatDuration(report.etaSeconds)} at 1 request / ${rateLimitSeconds} s`;
  lines.push(
    report.dryRun
      ? `Dry run: nothing enqueued. ${totals.new} job(s) would be added; ETA ${eta}.`
      : `Enqueued ${report.enqueued} new job(s)${report.enqueued === 0 ? ' (nothing to do)' : ''}; ETA ${eta}.`,
  );
  return lines.join('\n');
}
