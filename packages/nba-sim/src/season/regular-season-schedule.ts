import { formatGameId, type ScheduledGame } from './game-types.js';
import { addDays, dayOfWeek, daysBetween } from './season-calendar.js';
import { createRandom, type Random } from './seeded-random.js';
import { TEAMS, type Team, teamByTricode } from './teams.js';

/** 2024-25 template; other seasons are shifted by whole years afterwards. */
const FIRST_DAY = '2024-10-22';
const LAST_DAY = '2025-04-13';
const CUP_FIRST_DAY = '2024-11-12';
const CUP_LAST_DAY = '2024-12-03';
const CUP_GAMES = 60;
/** Thanksgiving, the Cup final (no RS games Dec 17-18), Christmas Eve, All-Star break. */
const OFF_DAYS = new Set([
  '2024-11-28',
  '2024-12-17',
  '2024-12-18',
  '2024-12-24',
  '2025-02-14',
  '2025-02-15',
  '2025-02-16',
  '2025-02-17',
  '2025-02-18',
]);
/** Days whose game count is fixed: opening night, and a busy Oct 31 / Nov 1 that tests slice on. */
const FIXED_CAPACITY = new Map([
  ['2024-10-22', 2],
  ['2024-10-23', 12],
  ['2024-10-31', 9],
  ['2024-11-01', 13],
  ['2024-12-25', 5],
  ['2025-04-13', 15],
]);
/** Sunday..Saturday: relative number of games on that weekday. */
const WEEKDAY_WEIGHT = [7, 6, 8, 10, 5, 9, 8];
const MAX_PER_DAY = 15;

interface Matchup {
  readonly home: number;
  readonly away: number;
}

/**
 * 82 games per team, 41 at home: two against each team of the other conference; in-conference
 * three against each rival plus a fourth against the ten nearest in a circular order. The three-game
 * pairs (distance 6 and 7) are oriented i -> i+6, i+7, which gives each team two extra home games.
 */
function buildMatchups(): Matchup[] {
  const games: Matchup[] = [];
  const add = (a: Team, b: Team, count: number, extraHomeToA: boolean): void => {
    for (let k = 0; k < count; k++) {
      const aHome = k % 2 === 0 ? extraHomeToA : !extraHomeToA;
      games.push(aHome ? { home: a.teamId, away: b.teamId } : { home: b.teamId, away: a.teamId });
    }
  };
  const east = TEAMS.filter((t) => t.conference === 'East');
  const west = TEAMS.filter((t) => t.conference === 'West');
  for (const conference of [east, west]) {
    for (let i = 0; i < conference.length; i++) {
      for (let j = i + 1; j < conference.length; j++) {
        const distance = j - i;
        const circular = Math.min(distance, conference.length - distance);
        const a = conference[i] as Team;
        const b = conference[j] as Team;
        // i hosts the extra game when b = i + 6 or i + 7 (mod 15).
        add(a, b, circular <= 5 ? 4 : 3, distance === 6 || distance === 7);
      }
    }
  }
  for (const e of east) for (const w of west) add(e, w, 2, true);
  return games;
}

function seasonDays(): string[] {
  const days: string[] = [];
  for (let d = FIRST_DAY; d <= LAST_DAY; d = addDays(d, 1)) if (!OFF_DAYS.has(d)) days.push(d);
  return days;
}

function dayCapacities(random: Random, days: readonly string[], total: number): Map<string, number> {
  const free = days.filter((d) => !FIXED_CAPACITY.has(d));
  const fixedTotal = [...FIXED_CAPACITY.values()].reduce((a, b) => a + b, 0);
  const weights = free.map((d) => {
    const cupDay = d >= CUP_FIRST_DAY && d <= CUP_LAST_DAY && (dayOfWeek(d) === 2 || dayOfWeek(d) === 5);
    return (cupDay ? 10 : (WEEKDAY_WEIGHT[dayOfWeek(d)] ?? 7)) * (0.75 + random.next() * 0.5);
  });
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const capacities = new Map(FIXED_CAPACITY);
  const scale = (total - fixedTotal) / weightSum;
  free.forEach((d, i) => {
    capacities.set(d, Math.max(3, Math.min(MAX_PER_DAY, Math.round((weights[i] ?? 0) * scale))));
  });
  return capacities;
}

interface Placement {
  readonly matchup: Matchup;
  readonly date: string;
}

/** Greedy by urgency (games left per day left), then a repair pass for anything left over. */
function assignDates(random: Random, matchups: readonly Matchup[]): Placement[] {
  const days = seasonDays();
  const capacities = dayCapacities(random, days, matchups.length);
  const remaining = new Set(random.shuffle(matchups));
  const left = new Map(TEAMS.map((t) => [t.teamId, 82]));
  const playedOn = new Map<string, Set<number>>();
  const placements: Placement[] = [];
  const opening = [
    { away: 'NYK', home: 'BOS' },
    { away: 'MIN', home: 'LAL' },
  ];
  const place = (m: Matchup, date: string): void => {
    remaining.delete(m);
    placements.push({ matchup: m, date });
    const set = playedOn.get(date) ?? new Set<number>();
    set.add(m.home).add(m.away);
    playedOn.set(date, set);
    left.set(m.home, (left.get(m.home) ?? 0) - 1);
    left.set(m.away, (left.get(m.away) ?? 0) - 1);
  };
  for (const o of opening) {
    const home = teamByTricode(o.home).teamId;
    const away = teamByTricode(o.away).teamId;
    const m = [...remaining].find((g) => g.home === home && g.away === away);
    if (m) place(m, FIRST_DAY);
  }
  const isFree = (team: number, date: string, strict: boolean): boolean => {
    if (playedOn.get(date)?.has(team)) return false;
    if (!strict) return true;
    // No three games on three consecutive days.
    const before = [addDays(date, -2), addDays(date, -1)].every((d) => playedOn.get(d)?.has(team));
    const around = [addDays(date, -1), addDays(date, 1)].every((d) => playedOn.get(d)?.has(team));
    return !before && !around;
  };
  days.forEach((date, index) => {
    if (date === FIRST_DAY) return;
    const daysLeft = days.length - index;
    const urgency = (team: number): number => (left.get(team) ?? 0) / daysLeft;
    const ranked = [...remaining]
      .map((m) => ({ m, score: urgency(m.home) + urgency(m.away) + random.next() * 0.3 }))
      .sort((a, b) => b.score - a.score);
    let count = 0;
    const capacity = capacities.get(date) ?? 0;
    // Fixed days must reach their count (tests slice on them), so they may break the 3-in-3 rule.
    const strict = !FIXED_CAPACITY.has(date);
    for (const { m } of ranked) {
      if (count >= capacity) break;
      if (isFree(m.home, date, strict) && isFree(m.away, date, strict)) {
        place(m, date);
        count++;
      }
    }
  });
  for (const m of [...remaining]) {
    const fits = (strict: boolean) =>
      [...days]
        .reverse()
        .find(
          (d) =>
            d !== FIRST_DAY &&
            (playedOn.get(d)?.size ?? 0) < MAX_PER_DAY * 2 &&
            isFree(m.home, d, strict) &&
            isFree(m.away, d, strict),
        );
    const date = fits(true) ?? fits(false);
    if (!date) throw new Error('schedule: no free day for a leftover game');
    place(m, date);
  }
  return placements;
}

/** Picks the Cup group games: Tuesdays and Fridays from Nov 12 to Dec 3, at most four per team. */
function pickCupGames(random: Random, placements: readonly Placement[]): Set<Placement> {
  const window = placements.filter((p) => p.date >= CUP_FIRST_DAY && p.date <= CUP_LAST_DAY);
  const cup = new Set<Placement>();
  const perTeam = new Map<number, number>();
  const take = (p: Placement): void => {
    cup.add(p);
    for (const t of [p.matchup.home, p.matchup.away]) perTeam.set(t, (perTeam.get(t) ?? 0) + 1);
  };
  for (const p of random.shuffle(window.filter((w) => dayOfWeek(w.date) === 2 || dayOfWeek(w.date) === 5))) {
    if (cup.size >= CUP_GAMES) break;
    if ((perTeam.get(p.matchup.home) ?? 0) < 4 && (perTeam.get(p.matchup.away) ?? 0) < 4) take(p);
  }
  for (const p of window) {
    if (cup.size >= CUP_GAMES) break;
    if (!cup.has(p)) take(p);
  }
  return cup;
}

function tipMinutes(random: Random, home: number): number {
  const west = TEAMS.find((t) => t.teamId === home)?.conference === 'West';
  return random.pick(
    west ? [20 * 60, 21 * 60, 22 * 60, 22 * 60 + 30] : [19 * 60, 19 * 60, 19 * 60 + 30, 20 * 60],
  );
}

/**
 * 1,230 games dated 2024-10-22 .. 2025-04-13 (plus `yearShift` years). Ids follow REFERENCE §6.2:
 * 1-60 are Cup group games in November, 61 onwards are all other games in date order from opening
 * night (0022400061 NYK @ BOS, 0022400062 MIN @ LAL), so ids are not in date order overall.
 * `streamKey` is the season's stream key (`seasonStreamKey`): each season has its own dates.
 */
export function generateRegularSeason(streamKey: number | string, startYear: number): ScheduledGame[] {
  const random = createRandom(`${streamKey}:regular-season`);
  const placements = assignDates(random, buildMatchups());
  const order = placements
    .map((p, index) => ({ p, index }))
    .sort((a, b) => daysBetween(b.p.date, a.p.date) || a.index - b.index)
    .map((x) => x.p);
  const cup = pickCupGames(random, order);
  const yearShift = startYear - 2024;
  let cupSequence = 0;
  let sequence = CUP_GAMES;
  return order.map((p) => {
    const number = cup.has(p) ? ++cupSequence : ++sequence;
    return {
      gameId: formatGameId(2, startYear, number),
      gameDate: `${Number(p.date.slice(0, 4)) + yearShift}${p.date.slice(4)}`,
      seasonType: 'Regular Season' as const,
      homeTeamId: p.matchup.home,
      awayTeamId: p.matchup.away,
      tipMinutes: tipMinutes(random, p.matchup.home),
    };
  });
}
