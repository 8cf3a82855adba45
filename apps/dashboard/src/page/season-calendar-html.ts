import type { CalendarDay } from '@repo/shared/state';
import { formatGameDate } from './format-values.js';
import { html, type SafeHtml } from './html.js';

/** How complete a game day is; also the cell's CSS class. */
export type DayStatus = 'none' | 'partial' | 'complete' | 'failed';

export function dayStatus(day: CalendarDay): DayStatus {
  if (day.failed > 0) return 'failed';
  if (day.planned > 0 && day.completed >= day.planned) return 'complete';
  return day.completed > 0 ? 'partial' : 'none';
}

export function dayTooltip(day: CalendarDay): string {
  const pending = Math.max(0, day.planned - day.completed - day.failed);
  return `${formatGameDate(day.date)}: ${day.completed} of ${day.planned} done, ${day.failed} failed, ${pending} pending`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function renderDay(date: string, day: CalendarDay | undefined, column: number): SafeHtml {
  const dayOfMonth = Number(date.slice(8, 10));
  if (day === undefined) {
    return html`<span class="day off" data-date="${date}">${dayOfMonth}</span>`;
  }
  const status = dayStatus(day);
  const share = day.planned > 0 ? (day.completed / day.planned).toFixed(3) : '0';
  const tip = dayTooltip(day);
  // Tooltips open towards the middle of the week, so the ones at a card's edge are not cut off.
  const tipSide = column < 4 ? 'right' : 'left';
  return html`<span class="day ${status}" data-date="${date}" style="--share:${share}" data-tip="${tip}" data-tip-side="${tipSide}" aria-label="${tip}" tabindex="0">${dayOfMonth}</span>`;
}

function renderMonth(year: number, month: number, byDate: ReadonlyMap<string, CalendarDay>): SafeHtml {
  const first = new Date(Date.UTC(year, month, 1));
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  // Weeks start on Monday; getUTCDay() counts from Sunday.
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: SafeHtml[] = [];
  for (let i = 0; i < lead; i++) cells.push(html`<span class="day pad"></span>`);
  let gameDays = 0;
  let complete = 0;
  for (let d = 1; d <= daysInMonth; d++) {
    const date = isoDay(new Date(Date.UTC(year, month, d)));
    const day = byDate.get(date);
    if (day) {
      gameDays++;
      if (dayStatus(day) === 'complete') complete++;
    }
    cells.push(renderDay(date, day, (lead + d - 1) % 7));
  }
  const title = first.toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return html`<div class="month">
  <div class="month-head"><h3>${title}</h3><span class="muted">${complete}/${gameDays} days</span></div>
  <div class="weekdays">${WEEKDAYS.map((w) => html`<span>${w.slice(0, 1)}</span>`)}</div>
  <div class="days">${cells}</div>
</div>`;
}

/**
 * One cell per day from the first to the last month of the season's game days; days without
 * games are drawn faint so the season's rhythm (and its breaks) stays visible.
 */
export function renderSeasonCalendar(calendar: readonly CalendarDay[]): SafeHtml {
  const firstDay = calendar[0];
  const lastDay = calendar[calendar.length - 1];
  if (firstDay === undefined || lastDay === undefined) {
    return html`<p class="muted">No game days planned yet.</p>`;
  }
  const byDate = new Map(calendar.map((day) => [day.date, day]));
  // Months counted as year * 12 + month, so the loop crosses New Year without special cases.
  const monthIndex = (date: string) => utcDay(date).getUTCFullYear() * 12 + utcDay(date).getUTCMonth();
  const months: SafeHtml[] = [];
  for (let i = monthIndex(firstDay.date); i <= monthIndex(lastDay.date); i++) {
    months.push(renderMonth(Math.floor(i / 12), i % 12, byDate));
  }
  const counts = { none: 0, partial: 0, complete: 0, failed: 0 };
  for (const day of calendar) counts[dayStatus(day)]++;
  return html`<div class="calendar">${months}</div>
<div class="legend">
  <span><i class="day none"></i>not started (${counts.none})</span>
  <span><i class="day partial" style="--share:0.5"></i>in progress (${counts.partial})</span>
  <span><i class="day complete"></i>complete (${counts.complete})</span>
  <span><i class="day failed"></i>has failures (${counts.failed})</span>
  <span><i class="day off"></i>no games</span>
</div>`;
}
