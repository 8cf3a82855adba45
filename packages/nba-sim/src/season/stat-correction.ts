import type { SimulatedGame } from './game-simulation.js';

/**
 * A box-score stat correction, as the league books a few days after a game: the home team's first
 * starter gets `count` more assists (so do his team's totals and the starters' line). Points, shots
 * and minutes do not move, so the box score still agrees with the play-by-play score. Pure: returns
 * a new game and leaves `sim` untouched.
 */
export function correctAssists(sim: SimulatedGame, count: number): SimulatedGame {
  const starter = sim.home.rows[0]?.player;
  const line = starter ? sim.home.lines.get(starter.personId) : undefined;
  if (count === 0 || !starter || !line) return sim;
  const lines = new Map(sim.home.lines);
  lines.set(starter.personId, { ...line, ast: line.ast + count });
  return { ...sim, home: { ...sim.home, lines } };
}
