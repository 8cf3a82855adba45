import { ActionWriter } from './action-writer.js';
import { type GameRosterRow, pickGameRoster } from './game-roster.js';
import { type GameContext, lineOf, pickPlayer, type SideState } from './game-state.js';
import type { ScheduledGame } from './game-types.js';
import type { PlayAction } from './play-action.js';
import { formatWallTime, periodLabel } from './play-action.js';
import { OFFICIALS } from './player-names.js';
import type { Player, Rosters } from './players.js';
import { buzzerBeater, playPossession } from './possession.js';
import { isEasternDaylightTime } from './season-calendar.js';
import { createRandom, type Random } from './seeded-random.js';
import { emptyStatLine, type StatLine } from './stat-line.js';
import { type Team, teamById } from './teams.js';

export interface TeamGame {
  readonly team: Team;
  /** Box-score order: starters, bench by minutes played, DNP rows. */
  readonly rows: readonly GameRosterRow[];
  readonly lines: ReadonlyMap<number, StatLine>;
  readonly points: number;
}

export interface SimulatedGame {
  readonly game: ScheduledGame;
  readonly periods: number;
  readonly home: TeamGame;
  readonly away: TeamGame;
  readonly actions: readonly PlayAction[];
}

export interface SimulationInputs {
  readonly seed: number;
  readonly rosters: Rosters;
  readonly strengths: ReadonlyMap<number, number>;
}

/** Where a game in progress stops: after the first possession that ends at or below this clock. */
export interface GameCut {
  readonly period: number;
  /** Seconds left in `period`; above 0, so a cut game never ends on a period's last action. */
  readonly secondsLeft: number;
}

const REGULATION_SECONDS = 48 * 60;

function createSide(random: Random, team: Team, isHome: boolean, inputs: SimulationInputs): SideState {
  const rows = pickGameRoster(random, inputs.rosters.byTeam.get(team.teamId) ?? []);
  return {
    team,
    isHome,
    rows,
    lines: new Map(rows.map((r) => [r.player.personId, emptyStatLine()])),
    onCourt: rows.slice(0, 5).map((r) => r.player),
    score: 0,
    turnovers: 0,
    periodFouls: 0,
    timeouts: 0,
    strength: inputs.strengths.get(team.teamId) ?? 0,
  };
}

/** Puts on court the five furthest behind their planned minutes; anyone unused goes in during Q4. */
function substitute(ctx: GameContext, side: SideState, clock: number, period: number, elapsed: number): void {
  const fraction = elapsed / REGULATION_SECONDS;
  const urgency = (row: GameRosterRow): number => {
    const line = lineOf(side, row.player);
    if (line.pf >= 6) return -1e9;
    if (period >= 4 && line.seconds === 0) return 1e9;
    return row.targetSeconds * fraction - line.seconds + (side.onCourt.includes(row.player) ? 20 : 0);
  };
  const next = side.rows
    .filter((r) => r.plays)
    .map((r) => ({ player: r.player, urgency: urgency(r) }))
    .sort((a, b) => b.urgency - a.urgency)
    .slice(0, 5)
    .map((x) => x.player);
  const leaving = side.onCourt.filter((p) => !next.includes(p));
  const entering = next.filter((p) => !side.onCourt.includes(p));
  leaving.forEach((out, i) => {
    const into = entering[i];
    if (!into) return;
    const description = `SUB: ${into.familyName} FOR ${out.familyName}`;
    ctx.writer.add(clock, {
      side,
      player: out,
      description,
      actionType: 'Substitution',
      subType: '',
      videoAvailable: 0,
    });
    side.onCourt[side.onCourt.indexOf(out)] = into;
  });
}

function jumpBall(ctx: GameContext, clock: number): SideState {
  const tallest = (side: SideState): Player =>
    [...side.onCourt].sort((a, b) => b.reboundWeight - a.reboundWeight)[0] as Player;
  const homeJumper = tallest(ctx.home);
  const awayJumper = tallest(ctx.away);
  const winner = ctx.random.chance(0.5) ? ctx.home : ctx.away;
  const jumper = winner === ctx.home ? homeJumper : awayJumper;
  const receiver = pickPlayer(
    ctx.random,
    winner.onCourt.filter((p) => p !== jumper),
    () => 1,
  );
  const description = `Jump Ball ${homeJumper.familyName} vs. ${awayJumper.familyName}: Tip to ${receiver.familyName}`;
  ctx.writer.add(clock, {
    side: ctx.home,
    player: homeJumper,
    description,
    actionType: 'Jump Ball',
    subType: '',
  });
  return winner;
}

function maybeTimeout(ctx: GameContext, clock: number): void {
  if (!ctx.random.chance(0.4)) return;
  const side = ctx.home.score < ctx.away.score ? ctx.home : ctx.away;
  side.timeouts++;
  const description = `${side.team.name.toUpperCase()} Timeout: Regular (Full ${side.timeouts} Short 0)`;
  ctx.writer.add(clock, {
    side,
    teamLevel: true,
    description,
    actionType: 'Timeout',
    subType: 'Regular',
    videoAvailable: 0,
  });
}

function finishSide(side: SideState): TeamGame {
  const seconds = (r: GameRosterRow) => side.lines.get(r.player.personId)?.seconds ?? 0;
  const bench = side.rows
    .slice(5)
    .filter((r) => r.plays)
    .sort((a, b) => seconds(b) - seconds(a));
  const rows = [...side.rows.slice(0, 5), ...bench, ...side.rows.filter((r) => !r.plays)];
  return { team: side.team, rows, lines: side.lines, points: side.score };
}

/**
 * Plays a whole game possession by possession. Box score lines and play-by-play actions come
 * from the same events, so their points, shots and rebounds agree by construction.
 * Pure: the same (seed, game, rosters) always gives the same game. With a `cut` it stops there; the
 * random stream is the same, so the cut game is exactly the whole game's first part: its actions are
 * a prefix of the whole game's, its lines the whole game's lines at that moment.
 */
export function simulateGame(game: ScheduledGame, inputs: SimulationInputs, cut?: GameCut): SimulatedGame {
  const random = createRandom(`${inputs.seed}:game:${game.gameId}`);
  const writer = new ActionWriter(random);
  const home = createSide(random, teamById(game.homeTeamId), true, inputs);
  const away = createSide(random, teamById(game.awayTeamId), false, inputs);
  const ctx: GameContext = { random, writer, home, away, officials: random.shuffle(OFFICIALS).slice(0, 3) };
  const daylight = isEasternDaylightTime(game.gameDate);
  let wall = game.tipMinutes + random.int(5, 12);
  let elapsed = 0;
  let tipWinner: SideState = home;
  let period = 0;
  const result = (): SimulatedGame => ({
    game,
    periods: period,
    home: finishSide(home),
    away: finishSide(away),
    actions: writer.actions,
  });
  for (;;) {
    period++;
    const length = period <= 4 ? 720 : 300;
    writer.startPeriod(period);
    const startText = `Start of ${periodLabel(period)} (${formatWallTime(wall, daylight)})`;
    writer.add(length, {
      description: startText,
      actionType: 'period',
      subType: 'start',
      score: { home: home.score, away: away.score },
      videoAvailable: 0,
    });
    if (period > 1) for (const side of [home, away]) substitute(ctx, side, length, period, elapsed);
    let offense: SideState;
    if (period === 1 || period >= 5) {
      offense = jumpBall(ctx, length);
      if (period === 1) tipWinner = offense;
    } else {
      const tipLoser = tipWinner === home ? away : home;
      offense = period === 4 ? tipWinner : tipLoser;
    }
    let clock = length;
    let nextSub = length - random.int(150, 230);
    while (clock > 0) {
      const duration = Math.min(clock, random.int(7, 23));
      clock -= duration;
      elapsed += duration;
      for (const side of [home, away]) for (const p of side.onCourt) lineOf(side, p).seconds += duration;
      playPossession(ctx, offense, clock);
      offense = offense === home ? away : home;
      if (cut && period === cut.period && clock <= cut.secondsLeft) return result();
      if (clock > 0 && clock <= nextSub) {
        maybeTimeout(ctx, clock);
        for (const side of [home, away]) substitute(ctx, side, clock, period, elapsed);
        nextSub = clock - random.int(150, 230);
      }
    }
    const margin = home.score - away.score;
    // Real games end tied after 48 minutes about 6% of the time, more often than chance alone gives.
    if (period === 4 && Math.abs(margin) >= 2 && Math.abs(margin) <= 3 && random.chance(0.35)) {
      buzzerBeater(ctx, margin > 0 ? away : home, Math.abs(margin) as 2 | 3);
    }
    wall += period <= 4 ? random.int(28, 36) : random.int(12, 16);
    const endText = `End of ${periodLabel(period)} (${formatWallTime(wall, daylight)})`;
    writer.add(0, {
      description: endText,
      actionType: 'period',
      subType: 'end',
      score: { home: home.score, away: away.score },
    });
    if (period >= 4 && home.score !== away.score) break;
    wall += period === 2 ? random.int(15, 17) : random.int(2, 3);
    home.periodFouls = 0;
    away.periodFouls = 0;
  }
  return result();
}
