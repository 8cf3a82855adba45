import { isSeason } from '@repo/shared/identity';

/** The season a request asked for, or why it cannot have it (its HTTP status and message). */
export type SeasonChoice =
  | { readonly ok: true; readonly season: string }
  | { readonly ok: false; readonly status: 400 | 404; readonly error: string };

/**
 * The season `?season=` names, checked against the planned ones (oldest first, never empty).
 * Without one: the configured SEASON when it is planned, else the newest planned season, so a
 * dashboard started with an old or default SEASON still opens on a season that has figures.
 */
export function chooseSeason(
  requested: unknown,
  planned: readonly string[],
  configured: string,
): SeasonChoice {
  if (requested === undefined) {
    const season = planned.includes(configured) ? configured : (planned.at(-1) ?? configured);
    return { ok: true, season };
  }
  // A repeated `season` arrives as an array; it is as unusable as a malformed one.
  if (typeof requested !== 'string' || !isSeason(requested)) {
    const got = JSON.stringify(typeof requested === 'string' ? requested : String(requested));
    return { ok: false, status: 400, error: `season: expected YYYY-YY (e.g. 2024-25), got ${got}` };
  }
  if (!planned.includes(requested)) {
    return {
      ok: false,
      status: 404,
      error: `season ${requested} is not planned; planned: ${planned.join(', ')}`,
    };
  }
  return { ok: true, season: requested };
}
