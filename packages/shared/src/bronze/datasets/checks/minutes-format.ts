import type { CheckDefinition, Row } from '../../dataset-schema.js';
import { everyRow, rowLabel } from './check-outcome.js';
import { minutesSeconds, nearlyEqual } from './clock-formats.js';

/**
 * `minutes` is `M:SS` ("" allowed where players did not play) and `minutes_played` is the same
 * time in decimal minutes (null for ""). Rows for which `skipPlayed` is true have their
 * `minutes_played` checked elsewhere.
 */
export function minutesFormat(options: {
  readonly allowEmpty: boolean;
  readonly skipPlayed?: (row: Row) => boolean;
  /** Says which rows `skipPlayed` exempts, for the description. */
  readonly skipPlayedNote?: string;
}): CheckDefinition {
  return {
    name: 'minutes-format',
    dimension: 'validity',
    description: options.allowEmpty
      ? 'minutes is "M:SS" or "" (did not play), and minutes_played is the same time in decimal minutes (null for "").'
      : `minutes is "M:SS" and minutes_played is the same time in decimal minutes${options.skipPlayedNote ?? ''}.`,
    run: (rows) =>
      everyRow(rows, (row, index) => {
        const minutes = row.minutes;
        const played = row.minutes_played;
        if (minutes === '' && options.allowEmpty) {
          return played === null
            ? undefined
            : `${rowLabel(row, index)}: minutes "" but minutes_played ${String(played)}`;
        }
        const seconds = typeof minutes === 'string' ? minutesSeconds(minutes) : undefined;
        if (seconds === undefined)
          return `${rowLabel(row, index)}: minutes ${JSON.stringify(minutes)} is not M:SS`;
        if (options.skipPlayed?.(row) === true) return undefined;
        return typeof played === 'number' && nearlyEqual(played, seconds / 60)
          ? undefined
          : `${rowLabel(row, index)}: minutes_played ${String(played)} for minutes ${minutes}`;
      }),
  };
}
