import { describe, expect, it } from 'vitest';
import { DATASET_SCHEMAS } from '../bronze/index.js';
import { checkFileColumns, type FileColumn } from './file-columns.js';
import { implausibleRowCount } from './plausible-rows.js';

const schema = DATASET_SCHEMAS['box-scores-teams'];
const asWritten: FileColumn[] = schema.columns.map(({ name, type, nullable }) => ({ name, type, nullable }));

describe('checkFileColumns', () => {
  it('accepts exactly the schema', () => {
    expect(checkFileColumns(asWritten, schema)).toEqual([]);
  });

  it('names missing, unexpected, mistyped and re-ordered columns', () => {
    const changed = asWritten
      .filter((column) => column.name !== 'minutes_played')
      .map((column) => (column.name === 'team_id' ? { ...column, type: 'INT32' } : column))
      .map((column) => (column.name === 'points' ? { ...column, nullable: true } : column));
    expect(
      checkFileColumns([...changed, { name: 'shot_clock', type: 'UTF8', nullable: true }], schema),
    ).toEqual([
      'missing column(s) minutes_played',
      'unexpected column(s) shot_clock',
      'team_id: type INT32, expected INT64',
      'points: nullable, expected required',
    ]);
    expect(checkFileColumns([...asWritten].reverse(), schema)).toEqual(['columns are not in schema order']);
    expect(
      checkFileColumns(
        asWritten.map((column) => (column.name === 'game_date' ? { ...column, type: 'INT96' } : column)),
        schema,
      ),
    ).toEqual(['game_date: type INT96, expected DATE']);
  });
});

describe('implausibleRowCount', () => {
  it('accepts a real game and refuses empty or cut files', () => {
    expect(implausibleRowCount('box-scores', 23)).toBeUndefined();
    expect(implausibleRowCount('box-scores-teams', 6)).toBeUndefined();
    expect(implausibleRowCount('box-scores-teams', 4)).toBe('4 rows, expected 6');
    expect(implausibleRowCount('play-by-play', 70)).toBe('70 rows, expected 150..1500');
    expect(implausibleRowCount('players', 0)).toBe('0 rows, expected 30..6000');
  });

  it('wants exactly two games rows per scheduled game', () => {
    expect(implausibleRowCount('games', 18, 18)).toBeUndefined();
    expect(implausibleRowCount('games', 16, 18)).toBe('16 rows, expected 18 (two per scheduled game)');
  });
});
