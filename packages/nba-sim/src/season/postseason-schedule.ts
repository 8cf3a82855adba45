import { type SimulatedGame, type SimulationInputs, simulateGame } from './game-simulation.js';
import { formatGameId, type ScheduledGame, type SeasonType } from './game-types.js';
import { addDays } from './season-calendar.js';
import { createRandom, type Random } from './seeded-random.js';
import { type Conference, TEAMS } from './teams.js';

/** Games of the postseason with the simulations that decided them (reused, not recomputed). */
export interface Postseason {
  readonly games: readonly ScheduledGame[];
  readonly simulations: ReadonlyMap<string, SimulatedGame>;
}

interface Seeded {
  readonly teamId: number;
  /** 1 = best; the better seed has home court. */
  readonly rank: number;
}

interface RoundPlan {
  readonly round: number;
  /** First game date of series 0 (2024-25 template); odd series start a day later. */
  readonly start: string;
  readonly offsets: readonly number[];
}

const ROUNDS: readonly RoundPlan[] = [
  { round: 1, start: '2025-04-19', offsets: [0, 2, 5, 7, 9, 11, 13] },
  { round: 2, start: '2025-05-04', offsets: [0, 2, 4, 6, 8, 10, 12] },
  { round: 3, start: '2025-05-20', offsets: [0, 2, 5, 7, 9, 11, 13] },
  { round: 4, start: '2025-06-05', offsets: [0, 3, 6, 8, 11, 14, 17] },
];
/** 2-2-1-1-1: the better seed hosts games 1, 2, 5 and 7. */
const BETTER_SEED_HOSTS = [true, true, false, false, true, false, true];

class Bracket {
  readonly games: ScheduledGame[] = [];
  readonly simulations = new Map<string, SimulatedGame>();

  constructor(
    private readonly inputs: SimulationInputs,
    private readonly random: Random,
    private readonly startYear: number,
  ) {}

  /** Schedules and plays one game; returns the winner's team id. */
  play(
    typeDigit: number,
    seasonType: SeasonType,
    sequence: number,
    date: string,
    home: number,
    away: number,
  ): number {
    const game: ScheduledGame = {
      gameId: formatGameId(typeDigit, this.startYear, sequence),
      gameDate: `${Number(date.slice(0, 4)) + this.startYear - 2024}${date.slice(4)}`,
      seasonType,
      homeTeamId: home,
      awayTeamId: away,
      tipMinutes: this.random.pick([19 * 60 + 30, 20 * 60, 21 * 60 + 30, 22 * 60]),
    };
    const sim = simulateGame(game, this.inputs);
    this.games.push(game);
    this.simulations.set(game.gameId, sim);
    return sim.home.points > sim.away.points ? home : away;
  }

  series(plan: RoundPlan, index: number, a: Seeded, b: Seeded): Seeded {
    const [better, worse] = a.rank <= b.rank ? [a, b] : [b, a];
    let betterWins = 0;
    let worseWins = 0;
    for (let g = 0; betterWins < 4 && worseWins < 4; g++) {
      const date = addDays(plan.start, (plan.offsets[g] ?? g * 2) + (index % 2));
      const [home, away] = BETTER_SEED_HOSTS[g] ? [better, worse] : [worse, better];
      const winner = this.play(
        4,
        'Playoffs',
        plan.round * 100 + index * 10 + g + 1,
        date,
        home.teamId,
        away.teamId,
      );
      if (winner === better.teamId) betterWins++;
      else worseWins++;
    }
    return betterWins === 4 ? better : worse;
  }
}

function conferenceSeeds(strengths: ReadonlyMap<number, number>, conference: Conference): Seeded[] {
  return TEAMS.filter((t) => t.conference === conference)
    .map((t) => ({ teamId: t.teamId, strength: strengths.get(t.teamId) ?? 0 }))
    .sort((a, b) => b.strength - a.strength || a.teamId - b.teamId)
    .map((t, i) => ({ teamId: t.teamId, rank: i + 1 }));
}

/**
 * Play-in (Apr 15-18, ids 0052400101/111/121/131 then 201/211) and playoffs (`004YY00RSG`,
 * Apr 19 - Jun 22). Seeds come from team strength; every game is simulated to decide who advances.
 */
export function generatePostseason(
  inputs: SimulationInputs,
  startYear: number,
  streamKey: number | string = inputs.seed,
): Postseason {
  const bracket = new Bracket(inputs, createRandom(`${streamKey}:postseason`), startYear);
  const conferences: Conference[] = ['East', 'West'];
  const qualified = conferences.map((conference, c) => {
    const seeds = conferenceSeeds(inputs.strengths, conference);
    const at = (rank: number): Seeded => seeds[rank - 1] as Seeded;
    const day = addDays('2025-04-15', c);
    const w78 = bracket.play(5, 'PlayIn', 101 + c * 20, day, at(7).teamId, at(8).teamId);
    const w910 = bracket.play(5, 'PlayIn', 111 + c * 20, day, at(9).teamId, at(10).teamId);
    const l78 = w78 === at(7).teamId ? at(8) : at(7);
    const eighth = bracket.play(5, 'PlayIn', 201 + c * 10, '2025-04-18', l78.teamId, w910);
    return [at(1), at(2), at(3), at(4), at(5), at(6), { teamId: w78, rank: 7 }, { teamId: eighth, rank: 8 }];
  });
  const [r1, r2, r3, finals] = ROUNDS as [RoundPlan, RoundPlan, RoundPlan, RoundPlan];
  const champions = qualified.map((seeds, c) => {
    const s = (rank: number): Seeded => seeds[rank - 1] as Seeded;
    const pairs: [Seeded, Seeded][] = [
      [s(1), s(8)],
      [s(4), s(5)],
      [s(3), s(6)],
      [s(2), s(7)],
    ];
    const firstRound = pairs.map(([a, b], i) => bracket.series(r1, c * 4 + i, a, b));
    const semis = [0, 1].map((i) =>
      bracket.series(r2, c * 2 + i, firstRound[i * 2] as Seeded, firstRound[i * 2 + 1] as Seeded),
    );
    return bracket.series(r3, c, semis[0] as Seeded, semis[1] as Seeded);
  });
  const strength = (s: Seeded) => inputs.strengths.get(s.teamId) ?? 0;
  const [east, west] = champions as [Seeded, Seeded];
  const eastBetter = strength(east) >= strength(west);
  bracket.series(finals, 0, { ...east, rank: eastBetter ? 1 : 2 }, { ...west, rank: eastBetter ? 2 : 1 });
  return { games: bracket.games, simulations: bracket.simulations };
}
