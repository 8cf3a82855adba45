import { DEFAULT_SEASON } from './season.js';
import { parseSeason } from './season-calendar.js';

export type SeasonListResult =
  | { readonly ok: true; readonly seasons: readonly string[] }
  | { readonly ok: false; readonly reason: string };

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => {
    const year = from + i;
    return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
  });
}

/**
 * `2024-25`, `2023-24,2024-25`, `2022-23..2024-25` or a mix: the seasons in the order given,
 * duplicates dropped. Two seasons a century apart would share game ids (`002YY...`), so they are refused.
 */
export function parseSeasonList(text: string): SeasonListResult {
  const seasons: string[] = [];
  for (const item of text.split(',').map((s) => s.trim())) {
    const [from, to, ...rest] = item.split('..');
    const first = parseSeason(from ?? '');
    const last = to === undefined ? first : parseSeason(to);
    if (!first || !last || rest.length > 0)
      return { ok: false, reason: `"${item}" is not YYYY-YY (consecutive years) or YYYY-YY..YYYY-YY` };
    if (last.startYear < first.startYear) return { ok: false, reason: `range "${item}" runs backwards` };
    for (const season of range(first.startYear, last.startYear)) {
      if (!seasons.includes(season)) seasons.push(season);
    }
  }
  const byYear = new Map<string, string>();
  for (const season of seasons) {
    const yy = season.slice(2, 4);
    const other = byYear.get(yy);
    if (other) return { ok: false, reason: `${other} and ${season} would share game ids (002${yy}...)` };
    byYear.set(yy, season);
  }
  return { ok: true, seasons };
}

/**
 * What `createSimServer` serves: `seasons` (items may be ranges), else `[season]`, else 2024-25.
 * `season`, when given too, must be the first: it is what single-season code means.
 */
export function servedSeasonNames(season?: string, seasons?: readonly string[]): readonly string[] {
  const parsed = parseSeasonList((seasons ?? [season ?? DEFAULT_SEASON]).join(','));
  if (!parsed.ok) throw new Error(`createSimServer: seasons: ${parsed.reason}`);
  if (season !== undefined && parsed.seasons[0] !== season)
    throw new Error(`createSimServer: season ${season} must be the first of seasons`);
  return parsed.seasons;
}
