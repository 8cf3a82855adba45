/** A decoded JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Exactly `{}`: what stats.nba.com sends for a game it has no data for. */
export function isEmptyObject(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 0;
}

/** `"x" (string)`, for messages that say what was received. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `${JSON.stringify(value)} (${value === null ? 'null' : typeof value})`;
}
