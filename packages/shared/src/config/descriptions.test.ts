import { describe, expect, it } from 'vitest';
import { CONFIG_DESCRIPTIONS, CONFIG_SCHEMA } from './schema.js';

describe('CONFIG_DESCRIPTIONS', () => {
  it('describes every variable of the schema, and nothing else', () => {
    expect(Object.keys(CONFIG_DESCRIPTIONS).sort()).toEqual(Object.keys(CONFIG_SCHEMA.shape).sort());
  });

  it('gives each a one-line meaning and its allowed values', () => {
    for (const [name, { meaning, allowed }] of Object.entries(CONFIG_DESCRIPTIONS)) {
      for (const text of [meaning, allowed]) {
        expect(text.trim(), name).not.toBe('');
        expect(text, name).not.toMatch(/[\n|]/);
        expect(text.length, name).toBeLessThanOrEqual(110);
      }
    }
  });
});
