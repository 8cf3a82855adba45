import { describe, expect, it } from 'vitest';
import type { DatasetSchema } from '../dataset-schema.js';
import { checkRowsAgainstSchema, isIsoDate } from './check-rows.js';

const SCHEMA: DatasetSchema = {
  dataset: 'games',
  grain: 'test',
  partitioning: 'game',
  checks: [],
  columns: [
    { name: 'id', type: 'INT64', nullable: false, description: '', source: '' },
    { name: 'count', type: 'INT32', nullable: true, description: '', source: '' },
    { name: 'ratio', type: 'DOUBLE', nullable: true, description: '', source: '' },
    { name: 'text', type: 'UTF8', nullable: false, description: '', source: '' },
    { name: 'flag', type: 'BOOLEAN', nullable: false, description: '', source: '' },
    { name: 'day', type: 'DATE', nullable: false, description: '', source: '' },
    { name: 'at', type: 'TIMESTAMP_MILLIS', nullable: false, description: '', source: '' },
  ],
};
const GOOD = {
  id: 1610612744,
  count: 3,
  ratio: 0.5,
  text: '',
  flag: false,
  day: '2024-02-29',
  at: new Date('2025-01-01T00:00:00Z'),
};

describe('checkRowsAgainstSchema', () => {
  it('accepts rows of the right columns and types, nulls where allowed', () => {
    expect(checkRowsAgainstSchema([GOOD, { ...GOOD, count: null, ratio: null }], SCHEMA)).toEqual([]);
  });

  it('reports missing, unknown and null-in-required columns', () => {
    const { flag: _, ...missing } = GOOD;
    expect(checkRowsAgainstSchema([missing, { ...GOOD, extra: 1 }, { ...GOOD, text: null }], SCHEMA)).toEqual(
      [
        'row 0: missing column flag',
        'row 1: unknown column extra',
        'row 2: text is null but the column is not nullable',
      ],
    );
  });

  it('reports values of the wrong type', () => {
    const rows = [
      { ...GOOD, id: '1610612744' },
      { ...GOOD, count: 1.5 },
      { ...GOOD, count: 2 ** 31 },
      { ...GOOD, ratio: Number.NaN },
      { ...GOOD, flag: 1 },
      { ...GOOD, day: '2024-02-30' },
      { ...GOOD, at: '2025-01-01' },
    ];
    expect(checkRowsAgainstSchema(rows, SCHEMA)).toHaveLength(7);
    expect(checkRowsAgainstSchema(rows, SCHEMA)[0]).toBe(
      'row 0: id expected INT64, got "1610612744" (string)',
    );
  });

  it('stops at maxProblems', () => {
    const rows = Array.from({ length: 50 }, () => ({ ...GOOD, text: 1 }));
    expect(checkRowsAgainstSchema(rows, SCHEMA)).toHaveLength(20);
    expect(checkRowsAgainstSchema(rows, SCHEMA, { maxProblems: 3 })).toHaveLength(3);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2025-04-13')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('04/13/2025')).toBe(false);
  });
});
