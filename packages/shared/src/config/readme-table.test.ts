import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA } from './schema.js';

describe('the README configuration table', () => {
  it('lists every variable of the config schema', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const missing = Object.keys(CONFIG_SCHEMA.shape).filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
