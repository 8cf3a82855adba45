/**
 * The README's configuration table is generated (scripts/gen-config-table.ts); this fails when
 * someone changes the schema or a description without regenerating it. No services needed.
 */
import { readFileSync } from 'node:fs';
import { CONFIG_SCHEMA } from '@repo/shared/config';
import { describe, expect, it } from 'vitest';
import {
  defaultOf,
  renderConfigTable,
  TABLE_END,
  TABLE_START,
  withConfigTable,
} from '../scripts/gen-config-table.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the README configuration table', () => {
  it('is what scripts/gen-config-table.ts generates (run it if this fails)', () => {
    expect(readme).toContain(TABLE_START);
    expect(readme).toContain(TABLE_END);
    expect(withConfigTable(readme)).toBe(readme);
  });

  it('has one row per schema variable, with its default', () => {
    const table = renderConfigTable();
    const rows = table.split('\n').slice(2);
    expect(rows.map((r) => /^\| `([A-Z0-9_]+)`/.exec(r)?.[1])).toEqual(Object.keys(CONFIG_SCHEMA.shape));
    expect(defaultOf('AWS_REGION')).toBe('required');
    expect(defaultOf('NBA_API_PROXY')).toBe('unset');
    expect(defaultOf('RATE_LIMIT_SECONDS')).toBe('`5`');
    expect(defaultOf('SEASON_TYPES')).toBe('`Regular Season,PlayIn,Playoffs`');
  });
});
