import type { VerifyReport } from '@repo/shared/audit';
import { table } from '../format.js';

/** How many problems the text report lists; `--json` has them all. */
const LISTED_PROBLEMS = 40;

/** The verify report, one screen: a table per dataset and month, then the problems by key. */
export function formatVerifyReport(report: VerifyReport): string {
  const lines: string[] = [];
  lines.push(
    `Season ${report.season}: ${report.scheduledGames} scheduled game(s) in the stored schedule; endpoints ${report.endpoints.join(', ')}; minimum quality ${report.minQuality}`,
  );
  lines.push('');
  const rows: (string | number)[][] = [
    ['  dataset', 'month', 'games', 'expected', 'found', 'rows', 'min quality', 'problems'],
  ];
  const totals = { expected: 0, found: 0, rows: 0, problems: 0 };
  for (const group of report.groups) {
    rows.push([
      `  ${group.dataset}`,
      group.month,
      group.dataset === 'players' || group.dataset === '_raw' ? '' : group.games,
      group.expected,
      group.found,
      group.dataset === '_raw' ? '' : group.rows,
      group.minQuality === null ? '' : group.minQuality.toFixed(4),
      group.problems,
    ]);
    totals.expected += group.expected;
    totals.found += group.found;
    totals.rows += group.rows;
    totals.problems += group.problems;
  }
  rows.push(['  all', '', '', totals.expected, totals.found, totals.rows, '', totals.problems]);
  lines.push(table(rows));
  lines.push('');
  if (report.unexpected.length > 0) {
    lines.push(
      `${report.unexpected.length} file(s) the schedule does not call for (not counted as problems):`,
    );
    for (const key of report.unexpected.slice(0, 10)) lines.push(`  ${key}`);
    if (report.unexpected.length > 10) lines.push(`  ... and ${report.unexpected.length - 10} more`);
    lines.push('');
  }
  const read = `${report.filesRead} file(s) read in ${report.seconds} s`;
  if (report.ok) {
    lines.push(`OK: complete and clean (${read}).`);
    return lines.join('\n');
  }
  lines.push(`FAILED: ${report.problems.length} problem(s) (${read}):`);
  const width = Math.max(...report.problems.map((problem) => problem.kind.length));
  for (const problem of report.problems.slice(0, LISTED_PROBLEMS)) {
    lines.push(`  ${problem.kind.padEnd(width)}  ${problem.key}: ${problem.message}`);
  }
  if (report.problems.length > LISTED_PROBLEMS)
    lines.push(`  ... and ${report.problems.length - LISTED_PROBLEMS} more (--json lists them all)`);
  return lines.join('\n');
}
