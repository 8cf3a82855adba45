import { createRandom } from './seeded-random.js';
import { TEAMS } from './teams.js';

/**
 * A per-team shooting bonus in [-0.03, 0.03], fixed by the seed. It makes good teams win more and
 * ranks the teams for play-in and playoff seeding, so the bracket needs no simulated standings.
 * `streamKey` is the season's stream key (`seasonStreamKey`), so every season ranks teams anew.
 */
export function teamStrengths(streamKey: number | string): ReadonlyMap<number, number> {
  const random = createRandom(`${streamKey}:strength`);
  return new Map(TEAMS.map((t) => [t.teamId, Math.round((random.next() * 0.06 - 0.03) * 10_000) / 10_000]));
}
