/**
 * An NBA season as the API names it: `YYYY-YY`, the second year the first plus one modulo 100
 * (`2024-25`, `1999-00`). The one definition of the rule: the config, flags and keys check
 * through here.
 */
export type Season = string;

const SEASON = /^(\d{4})-(\d{2})$/;
const ALLOWED = 'YYYY-YY with YY = YYYY + 1 (mod 100), e.g. 2024-25 or 1999-00';

/** The year a season starts in (`2024-25` → 2024), or undefined when it is not a season. */
function startYearOf(value: string): number | undefined {
  const match = SEASON.exec(value);
  if (!match) return undefined;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]) ? start : undefined;
}

/** The season that starts in `year` (2024 → `2024-25`). */
function seasonStartingIn(year: number): Season {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

export function isSeason(value: unknown): value is Season {
  return typeof value === 'string' && startYearOf(value) !== undefined;
}

function startYearOrThrow(value: string, list: string): number {
  const year = startYearOf(value);
  if (year === undefined) {
    const within = value === list ? '' : ` in ${JSON.stringify(list)}`;
    throw new Error(`season: expected ${ALLOWED}, got ${JSON.stringify(value)}${within}`);
  }
  return year;
}

/**
 * Seasons from a flag: one season, a comma list (`2023-24,2024-25`), an inclusive range
 * (`2019-20..2024-25`), or any mix (`2015-16,2019-20..2021-22`). Spaces around items are
 * ignored. Returns each season once, in the order given (a range from its first season on),
 * since seasons are planned and fetched in that order.
 * Throws an Error naming the bad part and what is allowed.
 */
export function parseSeasonList(list: string): Season[] {
  const items = list.split(',').map((item) => item.trim());
  if (items.every((item) => item === '')) {
    throw new Error(
      `seasons: expected a season (${ALLOWED}), a comma list or a range FIRST..LAST, got ${JSON.stringify(list)}`,
    );
  }
  const years = new Set<number>();
  for (const item of items) {
    if (item === '') throw new Error(`seasons: expected no empty item, got ${JSON.stringify(list)}`);
    const range = item.split('..');
    if (range.length > 2) {
      throw new Error(`seasons: expected a range FIRST..LAST, got ${JSON.stringify(item)}`);
    }
    const [first = '', last = first] = range.map((end) => end.trim());
    const from = startYearOrThrow(first, list);
    const to = startYearOrThrow(last, list);
    if (from > to) {
      throw new Error(
        `seasons: expected a range FIRST..LAST with FIRST not after LAST, got ${JSON.stringify(item)}`,
      );
    }
    for (let year = from; year <= to; year++) years.add(year);
  }
  return [...years].map(seasonStartingIn);
}

/**
 * The season a day belongs to: the one that starts in its year from July on (a season runs from
 * October into June, and July to September count towards the next one): 2026-12-02 → 2026-27,
 * 2027-03-01 → 2026-27, 2027-07-01 → 2027-28. The day is taken in US Eastern time.
 */
export function seasonContaining(now: Date): Season {
  const [year = 0, month = 0] = easternDate(now).split('-').map(Number);
  return seasonStartingIn(month >= 7 ? year : year - 1);
}

/** The NBA's time zone: its schedule days, and when last night's games are final. */
export const NBA_TIMEZONE = 'America/New_York';

const EASTERN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: NBA_TIMEZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day in US Eastern time (`YYYY-MM-DD`): the NBA's schedule day. */
export function easternDate(now: Date): string {
  return EASTERN_DAY.format(now);
}

/** `2024-11-03` plus `days` (negative: minus) → `2024-11-05`, in calendar days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
