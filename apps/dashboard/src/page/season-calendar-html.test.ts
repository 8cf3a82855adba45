import { describe, expect, it } from 'vitest';
import { dayStatus, dayTooltip, renderSeasonCalendar } from './season-calendar-html.js';

describe('the season calendar', () => {
  it('colours a day by completion: none, partial, complete, or failed whenever anything failed', () => {
    expect(dayStatus({ date: '2024-10-22', planned: 4, completed: 0, failed: 0 })).toBe('none');
    expect(dayStatus({ date: '2024-10-22', planned: 4, completed: 3, failed: 0 })).toBe('partial');
    expect(dayStatus({ date: '2024-10-22', planned: 4, completed: 4, failed: 0 })).toBe('complete');
    expect(dayStatus({ date: '2024-10-22', planned: 4, completed: 3, failed: 1 })).toBe('failed');
    expect(dayTooltip({ date: '2024-10-22', planned: 4, completed: 2, failed: 1 })).toBe(
      'Tue, 22 Oct 2024: 2 of 4 done, 1 failed, 1 pending',
    );
  });

  it('draws every day of every month from the first to the last game day, weeks from Monday', () => {
    const out = renderSeasonCalendar([
      { date: '2024-12-31', planned: 2, completed: 2, failed: 0 },
      { date: '2025-02-01', planned: 2, completed: 0, failed: 0 },
    ]).value;
    expect(out.match(/<div class="month">/g)).toHaveLength(3);
    expect(out.match(/class="day [a-z]+" data-date=/g)).toHaveLength(31 + 31 + 28);
    expect(out).toContain('class="day complete" data-date="2024-12-31"');
    expect(out).toContain('class="day none" data-date="2025-02-01"');
    expect(out).toContain('class="day off" data-date="2025-01-15"');
    // 1 Dec 2024 is a Sunday: six blank cells before it.
    const december = out.slice(out.indexOf('Dec 2024'), out.indexOf('data-date="2024-12-01"'));
    expect(december.match(/day pad/g)).toHaveLength(6);
  });

  it('says so when no game day is planned', () => {
    expect(renderSeasonCalendar([]).value).toContain('No game days planned yet.');
  });
});
