import { describe, expect, it } from 'vitest';
import { isSeason, parseSeasonList, seasonContaining } from './season.js';

describe('seasons', () => {
  it('are YYYY-YY with the second year the first plus one, across the century too', () => {
    expect(isSeason('2024-25')).toBe(true);
    expect(isSeason('1999-00')).toBe(true);
    expect(isSeason('2024-26')).toBe(false);
    expect(isSeason('2024-2025')).toBe(false);
    expect(isSeason(' 2024-25')).toBe(false);
    expect(isSeason(2024)).toBe(false);
  });
});

describe('parseSeasonList', () => {
  it('reads one season, a comma list and an inclusive range', () => {
    expect(parseSeasonList('2024-25')).toEqual(['2024-25']);
    expect(parseSeasonList('2023-24,2024-25')).toEqual(['2023-24', '2024-25']);
    expect(parseSeasonList('2019-20..2024-25')).toEqual([
      '2019-20',
      '2020-21',
      '2021-22',
      '2022-23',
      '2023-24',
      '2024-25',
    ]);
    expect(parseSeasonList('2024-25..2024-25')).toEqual(['2024-25']);
  });

  it('keeps the order given, dedupes and mixes items, ignoring spaces around them', () => {
    expect(parseSeasonList(' 2024-25 , 2015-16,2022-23..2023-24 ,2023-24')).toEqual([
      '2024-25',
      '2015-16',
      '2022-23',
      '2023-24',
    ]);
    expect(parseSeasonList('2020-21..2022-23,2021-22..2023-24')).toEqual([
      '2020-21',
      '2021-22',
      '2022-23',
      '2023-24',
    ]);
  });

  it('knows the season of a day, July to June, in US Eastern time', () => {
    expect(seasonContaining(new Date('2026-12-02T12:00:00Z'))).toBe('2026-27');
    expect(seasonContaining(new Date('2027-03-01T12:00:00Z'))).toBe('2026-27');
    expect(seasonContaining(new Date('2027-06-30T12:00:00Z'))).toBe('2026-27');
    expect(seasonContaining(new Date('2027-07-01T12:00:00Z'))).toBe('2027-28');
    // 02:00 UTC on July 1 is still June 30 in New York.
    expect(seasonContaining(new Date('2027-07-01T02:00:00Z'))).toBe('2026-27');
  });

  it('crosses the century with two-digit second years', () => {
    expect(parseSeasonList('1998-99..2000-01')).toEqual(['1998-99', '1999-00', '2000-01']);
  });

  it('names the bad value and what is allowed', () => {
    expect(() => parseSeasonList('2024-26')).toThrow(
      'season: expected YYYY-YY with YY = YYYY + 1 (mod 100), e.g. 2024-25 or 1999-00, got "2024-26"',
    );
    expect(() => parseSeasonList('2023-24,2024')).toThrow('got "2024" in "2023-24,2024"');
    expect(() => parseSeasonList('2019-20..2024')).toThrow('got "2024" in "2019-20..2024"');
    expect(() => parseSeasonList('2019-20..')).toThrow('got "" in "2019-20.."');
  });

  it('refuses empty lists and items, reversed and malformed ranges', () => {
    expect(() => parseSeasonList('')).toThrow(
      'seasons: expected a season (YYYY-YY with YY = YYYY + 1 (mod 100), e.g. 2024-25 or 1999-00), a comma list or a range FIRST..LAST, got ""',
    );
    expect(() => parseSeasonList(' , ')).toThrow('got " , "');
    expect(() => parseSeasonList('2023-24,,2024-25')).toThrow(
      'seasons: expected no empty item, got "2023-24,,2024-25"',
    );
    expect(() => parseSeasonList('2024-25..2019-20')).toThrow(
      'seasons: expected a range FIRST..LAST with FIRST not after LAST, got "2024-25..2019-20"',
    );
    expect(() => parseSeasonList('2019-20..2020-21..2021-22')).toThrow(
      'seasons: expected a range FIRST..LAST, got "2019-20..2020-21..2021-22"',
    );
  });
});
