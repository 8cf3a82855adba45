import type { SimulatedGame } from './game-simulation.js';
import { type PlayedStatus, playGameLive } from './game-status.js';
import type { ScheduledGame } from './game-types.js';
import { playGame, type Season } from './season.js';
import { type GameSummary, summarizeGame, teamTotals } from './season-summary.js';
import type { StatLine } from './stat-line.js';

export interface GameTotals {
  readonly summary: GameSummary;
  readonly home: StatLine;
  readonly away: StatLine;
}

export function gameTotals(sim: SimulatedGame, status: PlayedStatus): GameTotals {
  return { summary: summarizeGame(sim, status), home: teamTotals(sim.home), away: teamTotals(sim.away) };
}

/**
 * Memoizes simulations: a few recent full games (they hold ~500 actions each) and the small
 * totals of every game played so far, which is all the game logs need. A game in progress is kept
 * apart from the same game final (`status`), so moving `today` never serves one for the other.
 */
export class GameStore {
  private readonly recent = new Map<string, SimulatedGame>();
  private readonly totals = new Map<string, GameTotals>();

  constructor(
    readonly season: Season,
    private readonly maxRecent = 32,
  ) {}

  play(game: ScheduledGame, status: PlayedStatus = 'final'): SimulatedGame {
    const key = keyOf(game, status);
    const hit = this.recent.get(key);
    if (hit) {
      this.recent.delete(key);
      this.recent.set(key, hit);
      return hit;
    }
    const sim = status === 'live' ? playGameLive(this.season, game) : playGame(this.season, game);
    this.recent.set(key, sim);
    if (this.recent.size > this.maxRecent) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    if (!this.totals.has(key)) this.remember(key, sim, status);
    return sim;
  }

  totalsOf(game: ScheduledGame, status: PlayedStatus = 'final'): GameTotals {
    const key = keyOf(game, status);
    return this.totals.get(key) ?? this.remember(key, this.play(game, status), status);
  }

  private remember(key: string, sim: SimulatedGame, status: PlayedStatus): GameTotals {
    const totals = gameTotals(sim, status);
    this.totals.set(key, totals);
    return totals;
  }
}

const keyOf = (game: ScheduledGame, status: PlayedStatus) =>
  status === 'live' ? `${game.gameId}:live` : game.gameId;
