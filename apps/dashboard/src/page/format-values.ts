/** Number formats of the progress page (the planner's terminal has its own, narrower ones). */

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

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Compact, for a tile: `2d 3h`, `1h 55m`, `12m 30s`, `45s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '0s';
  const s = Math.round(seconds);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
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
