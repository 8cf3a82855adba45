import { GAME_ID_PATTERN } from './routes/param-checks.js';
import { isCalendarDate } from './season/season-calendar.js';

/** A control request body that cannot be used; answered 400 with its message. */
export class ControlBodyError extends Error {
  override readonly name = 'ControlBodyError';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `POST /__sim/today`: `{"today":"YYYY-MM-DD"}`, or `{"today":null}` (undefined: every game final). */
export function parseTodayBody(value: unknown): string | undefined {
  if (!isRecord(value) || !('today' in value))
    throw new ControlBodyError('expected {"today":"YYYY-MM-DD"} or {"today":null}');
  const { today } = value;
  if (today === null) return undefined;
  if (typeof today !== 'string' || !isCalendarDate(today))
    throw new ControlBodyError(`today: expected a date YYYY-MM-DD or null, got ${JSON.stringify(today)}`);
  return today;
}

/** `POST /__sim/corrections`: `{"gameId":"0022400061"}`. */
export function parseCorrectionBody(value: unknown): string {
  if (!isRecord(value) || typeof value.gameId !== 'string' || !GAME_ID_PATTERN.test(value.gameId))
    throw new ControlBodyError(
      `expected {"gameId":"<10 digits>"}, got ${JSON.stringify(isRecord(value) ? value.gameId : value)}`,
    );
  return value.gameId;
}
