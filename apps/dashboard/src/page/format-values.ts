/** Number formats of the progress page; sizes and durations are shared with the planner. */

export { formatBytes, formatDuration, formatInstant, formatUntil } from '@repo/shared/state';

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Whole percent, rounded down, so 100% means every item is done. */
export function percentDone(done: number, total: number): number {
  return total > 0 ? Math.floor((100 * done) / total) : 0;
}

/** Share of `total` as a CSS width, exact (the bar segments must add up to the whole). */
export function widthOf(part: number, total: number): string {
  return total > 0 ? `${((100 * part) / total).toFixed(3)}%` : '0%';
}

export function formatMs(ms: number | null): string {
  return ms === null ? '–' : `${formatCount(Math.round(ms))} ms`;
}

/** `Tue 22 Oct 2024` for a `YYYY-MM-DD` game date (a calendar day, no time zone involved). */
export function formatGameDate(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  return day.toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
