import { isCalendarDate } from './season/season-calendar.js';

/**
 * What the control routes change while the simulator runs: the day it is (`today`) and the stat
 * corrections booked so far. Every served season reads it on each request.
 */
export class SimState {
  private day: string | undefined;
  private readonly corrections = new Map<string, number>();

  constructor(today: string | undefined, corrections: readonly string[] = []) {
    this.setToday(today);
    for (const gameId of corrections) this.addCorrection(gameId);
  }

  /** `YYYY-MM-DD`; undefined: every game is final. */
  get today(): string | undefined {
    return this.day;
  }

  /** Throws for anything but a real `YYYY-MM-DD` day or undefined. */
  setToday(today: string | undefined): void {
    if (today !== undefined && !isCalendarDate(today))
      throw new Error(`today: expected a date YYYY-MM-DD, got "${today}"`);
    this.day = today;
  }

  /** How many corrections the game's box score has had (each one: one more assist). */
  correctionsOf(gameId: string): number {
    return this.corrections.get(gameId) ?? 0;
  }

  addCorrection(gameId: string): void {
    this.corrections.set(gameId, this.correctionsOf(gameId) + 1);
  }

  clearCorrections(): void {
    this.corrections.clear();
  }

  /** `{ gameId: count }` in booking order, for `GET /__sim/corrections`. */
  correctionCounts(): Record<string, number> {
    return Object.fromEntries(this.corrections);
  }
}
