import { describe, expect, it } from 'vitest';
import { parseSeasonList, servedSeasonNames } from './season-list.js';

describe('parseSeasonList', () => {
  it.each([
    ['2024-25', ['2024-25']],
    ['2023-24,2024-25', ['2023-24', '2024-25']],
    ['2024-25, 2023-24', ['2024-25', '2023-24']],
    ['2022-23..2024-25', ['2022-23', '2023-24', '2024-25']],
    ['2024-25,2021-22..2022-23,2024-25', ['2024-25', '2021-22', '2022-23']],
    ['1998-99..2000-01', ['1998-99', '1999-00', '2000-01']],
  ])('reads %j', (text, seasons) => {
    expect(parseSeasonList(text)).toEqual({ ok: true, seasons });
  });

  it.each([
    ['2024-26', '"2024-26" is not YYYY-YY (consecutive years) or YYYY-YY..YYYY-YY'],
    ['2024-25,', '"" is not YYYY-YY'],
    ['2024-25..2023-24', 'range "2024-25..2023-24" runs backwards'],
    ['2022-23..2023-24..2024-25', 'is not YYYY-YY'],
    ['1924-25,2024-25', '1924-25 and 2024-25 would share game ids (00224...)'],
  ])('refuses %j', (text, reason) => {
    const result = parseSeasonList(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('servedSeasonNames', () => {
  it('serves seasons, else season, else 2024-25', () => {
    expect(servedSeasonNames()).toEqual(['2024-25']);
    expect(servedSeasonNames('2023-24')).toEqual(['2023-24']);
    expect(servedSeasonNames(undefined, ['2023-24..2024-25', '2021-22'])).toEqual([
      '2023-24',
      '2024-25',
      '2021-22',
    ]);
    expect(servedSeasonNames('2024-25', ['2024-25', '2023-24'])).toEqual(['2024-25', '2023-24']);
  });

  it('refuses a bad list, and a season that is not the first of seasons', () => {
    expect(() => servedSeasonNames(undefined, [])).toThrow('createSimServer: seasons: "" is not YYYY-YY');
    expect(() => servedSeasonNames('2024-26')).toThrow('"2024-26" is not YYYY-YY');
    expect(() => servedSeasonNames('2024-25', ['2023-24', '2024-25'])).toThrow(
      'createSimServer: season 2024-25 must be the first of seasons',
    );
  });
});
