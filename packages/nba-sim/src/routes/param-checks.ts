import type { QueryParams } from './route.js';

/**
 * Checks one parameter the way the real API words it; returns an error message or undefined.
 * Missing and `Key=` are the same thing here, as on the server.
 */
export function checkPattern(
  query: QueryParams,
  key: string,
  pattern: RegExp,
  source: string,
  required: boolean,
): string | undefined {
  const value = query.get(key);
  if (value === undefined) return required ? `The ${key} property is required.` : undefined;
  return pattern.test(value) ? undefined : `The field ${key} must match the regular expression '${source}'.`;
}

export const GAME_ID_PATTERN = /^\d{10}$/;

export function checkGameId(query: QueryParams): string | undefined {
  return checkPattern(query, 'GameID', GAME_ID_PATTERN, '^\\d{10}$', true);
}

export function checkSeason(query: QueryParams, required: boolean): string | undefined {
  const value = query.get('Season');
  if (value === undefined) return required ? 'The Season property is required.' : undefined;
  return /^\d{4}-\d{2}$/.test(value) ? undefined : `The value '${value}' is not valid for Season.`;
}

export function checkLeagueId(query: QueryParams): string | undefined {
  return checkPattern(query, 'LeagueID', /^\d{2}$/, '^\\d{2}$', true);
}

/** Integer parameters (`StartPeriod`, `Counter`...): undefined when absent or valid. */
export function checkInteger(query: QueryParams, key: string): string | undefined {
  const value = query.get(key);
  return value === undefined || /^-?\d+$/.test(value)
    ? undefined
    : `The value '${value}' is not valid for ${key}.`;
}

export function integerParam(query: QueryParams, key: string): number | null {
  const value = query.get(key);
  return value === undefined ? null : Number(value);
}

export function compact(messages: readonly (string | undefined)[]): string[] {
  return messages.filter((m): m is string => m !== undefined);
}
