export type SeasonType = 'Regular Season' | 'PlayIn' | 'Playoffs';

export const SEASON_TYPES: readonly SeasonType[] = ['Regular Season', 'PlayIn', 'Playoffs'];

/** One scheduled game; everything else about it is generated on demand from (seed, gameId). */
export interface ScheduledGame {
  /** `0022400061`: always a 10-character string. */
  readonly gameId: string;
  /** `YYYY-MM-DD`, US Eastern. */
  readonly gameDate: string;
  readonly seasonType: SeasonType;
  readonly homeTeamId: number;
  readonly awayTeamId: number;
  /** Scheduled tip-off, minutes after midnight Eastern (e.g. 19 * 60 + 30). */
  readonly tipMinutes: number;
}

/** `22024` / `42024` / `52024`: the SEASON_ID of the V2 game logs. */
export function seasonIdOf(seasonType: SeasonType, startYear: number): string {
  const digit = seasonType === 'Regular Season' ? 2 : seasonType === 'Playoffs' ? 4 : 5;
  return `${digit}${startYear}`;
}

/** `0TTYYNNNNN`: type digit, two-digit start year, five-digit sequence (REFERENCE §5.1). */
export function formatGameId(typeDigit: number, startYear: number, sequence: number): string {
  return `00${typeDigit}${String(startYear % 100).padStart(2, '0')}${String(sequence).padStart(5, '0')}`;
}
