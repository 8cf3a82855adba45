import { describe, expect, it } from 'vitest';
import { buildSeason, playGame } from './season.js';
import { correctAssists } from './stat-correction.js';
import { type emptyStatLine, sumStatLines } from './stat-line.js';

const season = buildSeason({ seed: 1 });
const game = season.gameById.get('0022400061');
if (!game) throw new Error('expected opening night');
const sim = playGame(season, game);
const total = (lines: ReadonlyMap<number, ReturnType<typeof emptyStatLine>>) =>
  sumStatLines([...lines.values()]);

describe('correctAssists', () => {
  const corrected = correctAssists(sim, 2);
  const starter = sim.home.rows[0]?.player.personId ?? 0;

  it("adds the assists to the home team's first starter and so to the team", () => {
    expect(corrected.home.lines.get(starter)?.ast).toBe((sim.home.lines.get(starter)?.ast ?? 0) + 2);
    expect(total(corrected.home.lines).ast).toBe(total(sim.home.lines).ast + 2);
  });

  it('moves nothing else: points, other players, the away team, the play-by-play', () => {
    expect(corrected.home.points).toBe(sim.home.points);
    expect({ ...total(corrected.home.lines), ast: 0 }).toEqual({ ...total(sim.home.lines), ast: 0 });
    for (const [id, line] of sim.home.lines)
      if (id !== starter) expect(corrected.home.lines.get(id)).toBe(line);
    expect(corrected.away).toBe(sim.away);
    expect(corrected.actions).toBe(sim.actions);
  });

  it('leaves the game it was given untouched, and is the same game for no correction', () => {
    expect(playGame(season, game).home.lines.get(starter)).toEqual(sim.home.lines.get(starter));
    expect(sim.home.lines.get(starter)?.ast).not.toBe(corrected.home.lines.get(starter)?.ast);
    expect(correctAssists(sim, 0)).toBe(sim);
  });
});
