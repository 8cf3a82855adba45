/**
 * Writes the README's configuration table, between `<!-- config-table:start -->` and
 * `<!-- config-table:end -->`, from the config schema's defaults and CONFIG_DESCRIPTIONS.
 *
 *   node --conditions=source --import tsx scripts/gen-config-table.ts           # rewrite README.md
 *   node --conditions=source --import tsx scripts/gen-config-table.ts --check   # exit 1 if stale
 *
 * test/config-table.test.ts fails when the README's table is not what this prints.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFIG_DESCRIPTIONS, CONFIG_SCHEMA, type ConfigVariable } from '@repo/shared/config';

export const TABLE_START = '<!-- config-table:start -->';
export const TABLE_END = '<!-- config-table:end -->';

/** The default as the README shows it: `value`, unset (optional) or required. */
export function defaultOf(variable: ConfigVariable): string {
  const parsed = CONFIG_SCHEMA.shape[variable].safeParse(undefined);
  if (!parsed.success) return 'required';
  const value: unknown = parsed.data;
  if (value === undefined) return 'unset';
  return `\`${Array.isArray(value) ? value.join(',') : String(value)}\``;
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return `| ${cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ')} |`;
}

/** The markdown table, one row per schema variable in schema order, columns padded. */
export function renderConfigTable(): string {
  const header = ['variable', 'default', 'meaning', 'allowed values'];
  const rows = (Object.keys(CONFIG_SCHEMA.shape) as ConfigVariable[]).map((variable) => {
    const { meaning, allowed } = CONFIG_DESCRIPTIONS[variable];
    return [`\`${variable}\``, defaultOf(variable), meaning, allowed];
  });
  const widths = header.map((_, i) =>
    Math.max(...[header, ...rows].map((cells) => (cells[i] as string).length)),
  );
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [row(header, widths), rule, ...rows.map((cells) => row(cells, widths))].join('\n');
}

/** `readme` with the text between the markers replaced by the current table. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`README.md needs ${TABLE_START} and ${TABLE_END}, in that order`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${renderConfigTable()}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
  const readme = readFileSync(readmePath, 'utf8');
  const updated = withConfigTable(readme);
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      process.stderr.write('README.md: the configuration table is stale; run scripts/gen-config-table.ts\n');
      process.exitCode = 1;
    }
  } else if (updated !== readme) {
    writeFileSync(readmePath, updated);
    process.stderr.write('README.md: configuration table updated\n');
  }
}
