import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, DATASET_SCHEMAS } from './catalogue.js';

describe('DATASET_SCHEMAS', () => {
  it.each(DATASET_NAMES)('%s has unique snake_case columns, each documented', (name) => {
    const schema = DATASET_SCHEMAS[name];
    expect(schema.dataset).toBe(name);
    const names = schema.columns.map((spec) => spec.name);
    expect(new Set(names).size).toBe(names.length);
    for (const spec of schema.columns) {
      expect(spec.name).toMatch(/^_?[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(spec.description.length).toBeGreaterThan(0);
      expect(spec.source.length).toBeGreaterThan(0);
    }
  });

  it.each(DATASET_NAMES)('%s ends with the lineage columns', (name) => {
    const last = DATASET_SCHEMAS[name].columns.slice(-2);
    expect(last.map((spec) => [spec.name, spec.type])).toEqual([
      ['_source_endpoint', 'UTF8'],
      ['_ingested_at', 'TIMESTAMP_MILLIS'],
    ]);
  });

  it.each(DATASET_NAMES)('%s keeps game_id a string and person/team ids INT64', (name) => {
    const columns = DATASET_SCHEMAS[name].columns;
    for (const spec of columns.filter((c) => c.name === 'game_id' || c.name === 'season')) {
      expect(spec.type).toBe('UTF8');
    }
    for (const spec of columns.filter((c) => c.name === 'game_date')) expect(spec.type).toBe('DATE');
    for (const spec of columns.filter((c) => c.name === 'team_id' || c.name === 'person_id')) {
      expect(spec.type).toBe('INT64');
    }
  });
});
