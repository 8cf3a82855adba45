import { describe, expect, it } from 'vitest';
import { changedColumns } from './row-diff.js';

const at = (iso: string) => new Date(iso);

describe('changedColumns', () => {
  const base = [
    { person_id: 1, assists: 5, points: 10, _ingested_at: at('2024-11-01T10:00:00Z') },
    { person_id: 2, assists: 3, points: 8, _ingested_at: at('2024-11-01T10:00:00Z') },
  ];

  it('names the columns whose values differ, not the lineage columns', () => {
    const after = [
      { ...base[0], assists: 6, _ingested_at: at('2024-11-03T10:00:00Z') },
      { ...base[1], _ingested_at: at('2024-11-03T10:00:00Z') },
    ];
    expect(changedColumns({ 'box-scores': base }, { 'box-scores': after })).toEqual(['box-scores.assists']);
  });

  it('is empty for the same values fetched at another time', () => {
    const again = base.map((row) => ({ ...row, _ingested_at: at('2024-11-05T10:00:00Z') }));
    expect(changedColumns({ 'box-scores': base }, { 'box-scores': again })).toEqual([]);
  });

  it('says when a dataset gained or lost rows', () => {
    expect(changedColumns({ 'box-scores': base }, { 'box-scores': base.slice(0, 1) })).toEqual([
      'box-scores (rows 2 -> 1)',
    ]);
  });
});
