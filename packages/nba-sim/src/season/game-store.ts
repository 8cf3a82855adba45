import type { SimulatedGame } from './game-simulation.js';
import type { ScheduledGame } from './game-types.js';
import { playGame, type Season } from './season.js';
import { type GameSummary, summarizeGame, teamTotals } from './season-summary.js';
import type { StatLine } from './stat-line.js';

export interface GameTotals {
  readonly summary: GameSummary;
  readonly home: StatLine;
  readonly away: StatLine;
}

/**
 * Memoizes simulations: a few recent full games (they hold ~500 actions each) and the small
 * totals of every game played so far, which is all the game logs need.
 */
export class GameStore {
  private readonly recent = new Map<string, SimulatedGame>();
  private readonly totals = new Map<string, GameTotals>();

  constructor(
    readonly season: Season,
    private readonly maxRecent = 32,
  ) {}

  play(game: ScheduledGame): SimulatedGame {
    const hit = this.recent.get(game.gameId);
    if (hit) {
      this.recent.delete(game.gameId);
      this.recent.set(game.gameId, hit);
      return hit;
    }
    const sim = playGame(this.season, game);
    this.recent.set(game.gameId, sim);
    if (this.recent.size > this.maxRecent) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    if (!this.totals.has(game.gameId)) this.remember(sim);
    return sim;
  }

  totalsOf(game: ScheduledGame): GameTotals {
    return this.totals.get(game.gameId) ?? this.remember(this.play(game));
  }

  private remember(sim: SimulatedGame): GameTotals {
    const totals = { summary: summarizeGame(sim), home: teamTotals(sim.home), away: teamTotals(sim.away) };
    this.totals.set(sim.game.gameId, totals);
    return totals;
  }
}
