import { FAMILY_NAMES, FIRST_NAMES, NAME_SUFFIXES, NOTABLE_NAMES } from './player-names.js';
import { createRandom, type Random } from './seeded-random.js';
import { TEAMS } from './teams.js';

export type Position = 'G' | 'F' | 'C';

export interface Player {
  readonly personId: number;
  readonly firstName: string;
  readonly familyName: string;
  readonly position: Position;
  /** First year in the league, e.g. 2019. */
  readonly fromYear: number;
  /** How good the player is; decides starters and playing time. 0..1 */
  readonly rating: number;
  /** Relative share of his team's shots while on court. */
  readonly usage: number;
  /** Fraction of his field-goal attempts that are threes. */
  readonly threeRate: number;
  readonly freeThrowPct: number;
  readonly reboundWeight: number;
  readonly assistWeight: number;
  /** commonallplayers OTHERLEAGUE_EXPERIENCE_CH */
  readonly otherLeague: '00' | '01' | '11';
}

export interface HistoricalPlayer {
  readonly personId: number;
  readonly firstName: string;
  readonly familyName: string;
  readonly fromYear: number;
  readonly toYear: number;
  readonly gamesPlayed: boolean;
  /** Old-timers' PLAYERCODE carries a HISTADD_ prefix in the real directory. */
  readonly histAdd: boolean;
}

export interface Rosters {
  readonly byTeam: ReadonlyMap<number, readonly Player[]>;
  readonly historical: readonly HistoricalPlayer[];
}

const ROSTER_POSITIONS: readonly Position[] = [
  'G',
  'G',
  'G',
  'G',
  'G',
  'G',
  'F',
  'F',
  'F',
  'F',
  'F',
  'F',
  'C',
  'C',
  'C',
];
const HISTORICAL_COUNT = 240;

/** "Nikola Vučević" -> "N. Vučević" */
export function nameInitial(p: { firstName: string; familyName: string }): string {
  return `${p.firstName.slice(0, 1)}. ${p.familyName}`;
}

/** Box score slug keeps diacritics ("nikola-vučević", as the real V3 box score does). */
export function boxScoreSlug(p: { firstName: string; familyName: string }): string {
  return `${p.firstName} ${p.familyName}`.toLowerCase().replace(/[.']/g, '').replace(/\s+/g, '-');
}

/** commonallplayers PLAYERCODE / PLAYER_SLUG: ASCII, underscores ("tristan_da_silva"). */
export function directoryCode(p: { firstName: string; familyName: string }): string {
  return `${p.firstName} ${p.familyName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, '_');
}

function uniqueId(random: Random, used: Set<number>, min: number, max: number): number {
  for (;;) {
    const id = random.int(min, max);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

function uniqueName(random: Random, used: Set<string>): [string, string] {
  for (;;) {
    let family = random.pick(FAMILY_NAMES);
    if (random.chance(0.06)) family = `${family} ${random.pick(NAME_SUFFIXES)}`;
    const first = random.pick(FIRST_NAMES);
    const key = `${first} ${family}`;
    if (!used.has(key)) {
      used.add(key);
      return [first, family];
    }
  }
}

function createPlayer(
  random: Random,
  ids: Set<number>,
  name: [string, string],
  position: Position,
  startYear: number,
): Player {
  const veteran = random.chance(0.2);
  const personId = veteran ? uniqueId(random, ids, 201000, 204999) : uniqueId(random, ids, 1626000, 1642999);
  const rating = random.next();
  return {
    personId,
    firstName: name[0],
    familyName: name[1],
    position,
    fromYear: veteran ? random.int(startYear - 16, startYear - 9) : random.int(startYear - 8, startYear),
    rating,
    usage: 0.5 + rating * 1.5,
    threeRate: position === 'C' ? 0.05 + random.next() * 0.25 : 0.3 + random.next() * 0.3,
    freeThrowPct: position === 'C' ? 0.6 + random.next() * 0.2 : 0.72 + random.next() * 0.2,
    reboundWeight: position === 'C' ? 3 : position === 'F' ? 1.8 : 1,
    assistWeight: position === 'G' ? 3 : position === 'F' ? 1.4 : 0.8,
    otherLeague: random.pick(['00', '00', '01', '11'] as const),
  };
}

function createHistorical(
  random: Random,
  ids: Set<number>,
  names: Set<string>,
  startYear: number,
): HistoricalPlayer {
  const histAdd = random.chance(0.4);
  const personId = histAdd ? uniqueId(random, ids, 76001, 78999) : uniqueId(random, ids, 1, 2999);
  const [firstName, familyName] = uniqueName(random, names);
  const fromYear = random.int(1950, startYear - 3);
  return {
    personId,
    firstName,
    familyName,
    fromYear,
    toYear: Math.min(startYear - 1, fromYear + random.int(0, 15)),
    gamesPlayed: random.chance(0.95),
    histAdd,
  };
}

/** 15 players per team and a small all-time directory; pure in (seed, startYear). */
export function generateRosters(seed: number, startYear: number): Rosters {
  const random = createRandom(`${seed}:rosters`);
  const ids = new Set<number>();
  const names = new Set<string>(NOTABLE_NAMES.map(([f, l]) => `${f} ${l}`));
  const notable = random.shuffle(NOTABLE_NAMES);
  const byTeam = new Map<number, Player[]>();
  TEAMS.forEach((team, teamIndex) => {
    const roster = ROSTER_POSITIONS.map((position, slot) => {
      const special = slot === 0 ? notable[teamIndex] : undefined;
      const name: [string, string] = special ? [special[0], special[1]] : uniqueName(random, names);
      const pos: Position = special ? random.pick(['G', 'F', 'C'] as const) : position;
      return createPlayer(random, ids, name, pos, startYear);
    });
    byTeam.set(team.teamId, roster);
  });
  const historical = Array.from({ length: HISTORICAL_COUNT }, () =>
    createHistorical(random, ids, names, startYear),
  );
  return { byTeam, historical };
}
