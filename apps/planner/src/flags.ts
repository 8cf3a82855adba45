import { parseSeasonList } from '@repo/shared/identity';
import { errorMessage } from '@repo/shared/log';
import { InvalidArgumentError } from 'commander';

/**
 * Parsers of the planner's flags: a bad value is reported by commander (the flag, the value and
 * what is allowed) and exits 1 before anything connects.
 */

/** `--season 2024-25`, `2023-24,2024-25` or `2019-20..2024-25`: in the order given. */
export function seasonsFlag(value: string): string[] {
  try {
    return parseSeasonList(value);
  } catch (error) {
    throw new InvalidArgumentError(errorMessage(error));
  }
}

/** `--season` where one season is meant (follow, unfollow). */
export function oneSeasonFlag(value: string): string {
  const seasons = seasonsFlag(value);
  if (seasons.length !== 1)
    throw new InvalidArgumentError(`expected one season, got ${seasons.length} (${seasons.join(', ')})`);
  return seasons[0] as string;
}

/** A number within bounds (`what` starting with "a whole" allows integers only). */
export function numberFlag(what: string, min: number, max: number): (value: string) => number {
  const whole = what.startsWith('a whole');
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n)))
      throw new InvalidArgumentError(`expected ${what} from ${min} to ${max}, got ${JSON.stringify(value)}`);
    return n;
  };
}
