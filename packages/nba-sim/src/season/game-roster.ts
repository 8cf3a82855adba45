import type { Player, Position } from './players.js';
import type { Random } from './seeded-random.js';

export interface GameRosterRow {
  readonly player: Player;
  /** F, F, C, G, G for the five starters, "" for everyone else (as the V3 box score does). */
  readonly position: '' | Position;
  /** "" for players who play; "DNP - ..." otherwise. */
  readonly comment: string;
  readonly plays: boolean;
  /** Planned share of the 240 regulation minutes, in seconds; 0 for DNP rows. */
  readonly targetSeconds: number;
}

const STARTER_SLOTS: readonly Position[] = ['F', 'F', 'C', 'G', 'G'];
const BENCH_MINUTES = [24, 20, 16, 12, 8, 5, 3, 2];
const TEAM_REGULATION_SECONDS = 5 * 48 * 60;

/**
 * Who dresses, starts, plays and sits: 10-13 players who play plus 1-3 DNP rows, so a team lists
 * 11-16 players. Returned in box-score order: starters (F, F, C, G, G), bench, DNPs.
 */
export function pickGameRoster(random: Random, roster: readonly Player[]): GameRosterRow[] {
  const injuredCount = random.weightedIndex([55, 35, 10]);
  const injured = random.shuffle(roster).slice(0, injuredCount);
  const byForm = roster
    .filter((p) => !injured.includes(p))
    .map((p) => ({ p, form: p.rating + random.next() * 0.35 }))
    .sort((a, b) => b.form - a.form)
    .map((x) => x.p);
  const starters: Player[] = [];
  for (const slot of STARTER_SLOTS) {
    const chosen =
      byForm.find((p) => p.position === slot && !starters.includes(p)) ??
      byForm.find((p) => !starters.includes(p));
    if (chosen) starters.push(chosen);
  }
  const rest = byForm.filter((p) => !starters.includes(p));
  const playedTotal = 10 + random.weightedIndex([25, 35, 25, 15]);
  const bench = rest.slice(0, Math.max(0, playedTotal - 5));
  const coachDnpCount = Math.max(injured.length === 0 ? 1 : 0, random.int(1, 3) - injured.length);
  const coachDnp = rest.slice(bench.length, bench.length + coachDnpCount);

  const starterWeights = starters.map(() => 30 + random.next() * 8);
  const benchWeights = bench.map((_, i) => (BENCH_MINUTES[i] ?? 2) * (0.8 + random.next() * 0.4));
  const scale = TEAM_REGULATION_SECONDS / [...starterWeights, ...benchWeights].reduce((a, b) => a + b, 0);
  const row = (player: Player, position: GameRosterRow['position'], weight: number): GameRosterRow => ({
    player,
    position,
    comment: '',
    plays: true,
    targetSeconds: Math.round(weight * scale),
  });
  const dnp = (player: Player, comment: string): GameRosterRow => ({
    player,
    position: '',
    comment,
    plays: false,
    targetSeconds: 0,
  });
  return [
    ...starters.map((p, i) => row(p, STARTER_SLOTS[i] ?? '', starterWeights[i] ?? 0)),
    ...bench.map((p, i) => row(p, '', benchWeights[i] ?? 0)),
    ...coachDnp.map((p) => dnp(p, "DNP - Coach's Decision")),
    ...injured.map((p) => dnp(p, 'DNP - Injury/Illness')),
  ];
}
