/** How progress figures read to a person, in the planner's terminal and on the dashboard alike. */

/** `512 B`, `1.5 KB`, `12 MB`: one decimal below 10, none above. */
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

/** Compact: `2d 3h`, `1h 55m`, `12m 30s`, `45s`. */
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

/** `2025-01-10 11:50:00 UTC` for an ISO instant (the text as is when it is not one). */
export function formatInstant(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const text = new Date(time).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 19)} UTC`;
}

/** `in 2m 00s` from `nowIso` until `iso`; `now` when it is due or past. */
export function formatUntil(iso: string, nowIso: string): string {
  const seconds = Math.round((Date.parse(iso) - Date.parse(nowIso)) / 1000);
  return Number.isFinite(seconds) && seconds > 0 ? `in ${formatDuration(seconds)}` : 'now';
}
