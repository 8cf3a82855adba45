import type { RebuildReport } from '@repo/shared/ingest';
import { table } from '../format.js';

/** What rebuild did, one screen. */
export function formatRebuildReport(report: RebuildReport): string {
  const lines: string[] = [];
  const verb = report.dryRun ? 'Dry run: would rebuild' : 'Rebuilt';
  lines.push(
    `${verb} season ${report.season} from ${report.rawBodies} raw bod${report.rawBodies === 1 ? 'y' : 'ies'} under _raw/ with the current parsers and schemas: 0 NBA requests, ${report.seconds} s`,
  );
  const rows: (string | number)[][] = [['  dataset', 'files', 'rows']];
  let files = 0;
  let total = 0;
  for (const dataset of report.datasets) {
    rows.push([`  ${dataset.dataset}`, dataset.files, dataset.rows]);
    files += dataset.files;
    total += dataset.rows;
  }
  rows.push(['  all', files, total]);
  lines.push(table(rows));
  if (report.dryRun) lines.push('Nothing was written.');
  if (report.problems.length > 0) {
    lines.push(
      '',
      `FAILED: ${report.problems.length} raw bod${report.problems.length === 1 ? 'y' : 'ies'} not rebuilt:`,
    );
    for (const problem of report.problems) lines.push(`  ${problem.key}: ${problem.message}`);
  }
  return lines.join('\n');
}
