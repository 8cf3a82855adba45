import type { DoctorCheck, DoctorReport } from '@repo/shared/wiring';
import { formatInstant } from '../format.js';

/** Width of the table when stdout is not a terminal (a file for support, a pipe). */
export const DEFAULT_WIDTH = 120;
const MIN_WIDTH = 80;
const GAP = '  ';
const HEADER = { status: 'status', check: 'check', finding: 'finding', todo: 'what to do' };

/** Words of `text` in lines of at most `width` characters; a longer word is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter((w) => w !== '')) {
    while (word.length > width) {
      if (line !== '') lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * The checks as a table: status, check, finding, what to do; findings and advice wrap within
 * `width` (each check's first line starts with its status and name, for grep).
 */
export function formatDoctorTable(checks: readonly DoctorCheck[], width = DEFAULT_WIDTH): string {
  const total = Math.max(MIN_WIDTH, width);
  const statusW = Math.max(HEADER.status.length, ...checks.map((c) => c.status.length));
  const checkW = Math.max(HEADER.check.length, ...checks.map((c) => c.id.length));
  const rest = total - statusW - checkW - 3 * GAP.length;
  const findingW = Math.floor(rest * 0.55);
  const todoW = rest - findingW;
  const rows = [
    [HEADER.status, HEADER.check, HEADER.finding, HEADER.todo],
    ...checks.map((c) => [c.status, c.id, c.finding, c.todo === '' ? '' : c.todo]),
  ];
  const out: string[] = [];
  for (const [status = '', id = '', finding = '', todo = ''] of rows) {
    const f = wrap(finding, findingW);
    const t = todo === '' ? [''] : wrap(todo, todoW);
    for (let i = 0; i < Math.max(f.length, t.length); i++) {
      out.push(
        [
          (i === 0 ? status : '').padEnd(statusW),
          (i === 0 ? id : '').padEnd(checkW),
          (f[i] ?? '').padEnd(findingW),
          t[i] ?? '',
        ]
          .join(GAP)
          .trimEnd(),
      );
    }
  }
  return out.join('\n');
}

/** The last line: can a run start, and what next. */
export function formatVerdict(report: DoctorReport): string {
  const named = (status: DoctorCheck['status']) =>
    report.checks
      .filter((c) => c.status === status)
      .map((c) => c.id)
      .join(', ');
  const warnings =
    report.summary.warn === 0
      ? 'no warnings'
      : `${report.summary.warn} warning${report.summary.warn === 1 ? '' : 's'} (${named('warn')})`;
  if (report.ok) return `Ready: nothing FAILed, ${warnings}. Start with \`pnpm planner enqueue season\`.`;
  return `Not ready: ${report.summary.FAIL} FAIL (${named('FAIL')}), ${warnings}. Fix what FAILed and run \`pnpm planner doctor\` again.`;
}

/** The whole screen: the table, the configuration as loaded (secrets masked), the verdict. */
export function formatDoctorReport(report: DoctorReport, width = DEFAULT_WIDTH): string {
  const lines = [
    `planner doctor, ${formatInstant(report.generatedAt)}`,
    '',
    formatDoctorTable(report.checks, width),
  ];
  if (report.config !== null) {
    const entries = Object.entries(report.config);
    const nameW = Math.max(...entries.map(([name]) => name.length));
    lines.push(
      '',
      'Configuration as loaded (secrets masked; * = set in the environment, the others are defaults):',
    );
    for (const [name, { value, source }] of entries)
      lines.push(`  ${source === 'env' ? '*' : ' '} ${name.padEnd(nameW)}  ${value}`);
  }
  lines.push('', formatVerdict(report));
  return lines.join('\n');
}
