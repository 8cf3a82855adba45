/**
 * Dates are plain `YYYY-MM-DD` strings (US Eastern game dates, as the API gives them); arithmetic
 * goes through UTC midnight so that no local time zone can shift a day.
 */
const SEASON_PATTERN = /^(\d{4})-(\d{2})$/;

/** The season every built-in date is written for; other seasons shift by whole years. */
export const BASE_SEASON_START_YEAR = 2024;

export interface SeasonName {
  /** `2024-25` */
  readonly season: string;
  /** 2024 */
  readonly startYear: number;
}

/** Parses `YYYY-YY` where the second year is the first + 1; returns undefined when malformed. */
export function parseSeason(season: string): SeasonName | undefined {
  const match = SEASON_PATTERN.exec(season);
  if (!match) return undefined;
  const startYear = Number(match[1]);
  if (Number(match[2]) !== (startYear + 1) % 100) return undefined;
  return { season, startYear };
}

export function toUtcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = toUtcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return formatDate(d);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / 86_400_000);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return toUtcDate(date).getUTCDay();
}

/** Moves a date of the 2024-25 template into another season; Feb 29 cannot occur in the template. */
export function shiftDate(date: string, years: number): string {
  if (years === 0) return date;
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/** True for a real `YYYY-MM-DD` day (`2025-02-30` is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = toUtcDate(value);
  return !Number.isNaN(d.getTime()) && formatDate(d) === value;
}

/** `11/01/2024`: how V2 endpoints echo dates. */
export function toUsDate(date: string): string {
  return `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;
}

/** Accepts `MM/DD/YYYY` or `YYYY-MM-DD` (both are accepted by the real API); undefined if neither. */
export function parseQueryDate(value: string): string | undefined {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parts = us ? [us[3], us[1], us[2]] : iso ? [iso[1], iso[2], iso[3]] : undefined;
  if (!parts) return undefined;
  const date = `${parts[0]}-${String(parts[1]).padStart(2, '0')}-${String(parts[2]).padStart(2, '0')}`;
  const d = toUtcDate(date);
  return Number.isNaN(d.getTime()) || formatDate(d) !== date ? undefined : date;
}

/** US daylight saving time: second Sunday of March to the first Sunday of November. */
export function isEasternDaylightTime(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const marchFirst = dayOfWeek(`${year}-03-01`);
  const dstStart = `${year}-03-${String(1 + ((7 - marchFirst) % 7) + 7).padStart(2, '0')}`;
  const novemberFirst = dayOfWeek(`${year}-11-01`);
  const dstEnd = `${year}-11-${String(1 + ((7 - novemberFirst) % 7)).padStart(2, '0')}`;
  return date >= dstStart && date < dstEnd;
}
