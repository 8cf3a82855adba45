const MINUTES_SECONDS = /^(\d+):(\d{2})$/;
const ISO_DURATION = /^PT(\d+)M(\d+(?:\.\d+)?)S$/;

/**
 * Seconds of an ISO-8601 `PT<m>M<s>S` duration, as playbyplayv3 gives its clock
 * (`PT11M43.00S` -> 703, `PT00M06.30S` -> 6.3). Undefined when the text has another shape.
 */
export function isoDurationSeconds(text: string): number | undefined {
  const match = ISO_DURATION.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Seconds of a played-minutes value: `M:SS` as boxscoretraditionalv3 gives it (`"49:48"`,
 * `"265:00"`), or the ISO form the live CDN uses, in case stats ever switches. Undefined when
 * the text has neither shape (including `""`, which callers treat as "did not play").
 */
export function playedSeconds(text: string): number | undefined {
  const match = MINUTES_SECONDS.exec(text);
  if (match) return Number(match[1]) * 60 + Number(match[2]);
  return isoDurationSeconds(text);
}

/** Seconds as decimal minutes; one division so 49:48 gives exactly 49.8. */
export function secondsToMinutes(seconds: number): number {
  return seconds / 60;
}
