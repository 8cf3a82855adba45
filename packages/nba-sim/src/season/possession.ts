import { addPoints, type GameContext, lineOf, opponentOf, pickPlayer, type SideState } from './game-state.js';
import { PUTBACKS, type ShotKind, THREES, TURNOVERS, TWOS } from './play-kinds.js';
import type { Player } from './players.js';

const FOUL_CODES = { Shooting: 'S.FOUL', Personal: 'P.FOUL', 'Loose Ball': 'L.B.FOUL' } as const;

const shooterOf = (ctx: GameContext, side: SideState): Player =>
  pickPlayer(ctx.random, side.onCourt, (p) => p.usage);

function foul(ctx: GameContext, fouling: SideState, clock: number, kind: keyof typeof FOUL_CODES): number {
  const eligible = fouling.onCourt.filter((p) => lineOf(fouling, p).pf < 6);
  const fouler = pickPlayer(ctx.random, eligible.length > 0 ? eligible : fouling.onCourt, (p) =>
    p.position === 'C' ? 1.5 : 1,
  );
  const line = lineOf(fouling, fouler);
  line.pf++;
  fouling.periodFouls++;
  const official = ctx.random.pick(ctx.officials);
  return ctx.writer.add(clock, {
    side: fouling,
    player: fouler,
    description: `${fouler.familyName} ${FOUL_CODES[kind]} (P${line.pf}.T${fouling.periodFouls}) (${official})`,
    actionType: 'Foul',
    subType: kind,
  });
}

type ReboundWinner = 'offense' | 'defense';

function rebound(ctx: GameContext, offense: SideState, clock: number): ReboundWinner {
  const defense = opponentOf(ctx, offense);
  const { random, writer } = ctx;
  if (random.chance(0.06)) {
    const side = random.chance(0.3) ? offense : defense;
    writer.add(clock, {
      side,
      teamLevel: true,
      description: `${side.team.name} Rebound`,
      actionType: 'Rebound',
      subType: 'Unknown',
    });
    return side === offense ? 'offense' : 'defense';
  }
  const side = random.chance(0.23) ? offense : defense;
  const player = pickPlayer(random, side.onCourt, (p) => p.reboundWeight);
  const line = lineOf(side, player);
  if (side === offense) line.oreb++;
  else line.dreb++;
  writer.add(clock, {
    side,
    player,
    description: `${player.familyName} REBOUND (Off:${line.oreb} Def:${line.dreb})`,
    actionType: 'Rebound',
    subType: 'Unknown',
  });
  return side === offense ? 'offense' : 'defense';
}

function freeThrows(
  ctx: GameContext,
  offense: SideState,
  shooter: Player,
  count: number,
  clock: number,
): void {
  const line = lineOf(offense, shooter);
  for (let i = 1; i <= count; i++) {
    const made = ctx.random.chance(shooter.freeThrowPct);
    line.fta++;
    const subType = `Free Throw ${i} of ${count}`;
    if (made) {
      line.ftm++;
      const score = addPoints(ctx, offense, shooter, 1);
      const description = `${shooter.familyName} Free Throw ${i} of ${count} (${line.pts} PTS)`;
      ctx.writer.add(clock, {
        side: offense,
        player: shooter,
        description,
        actionType: 'Free Throw',
        subType,
        score,
      });
      continue;
    }
    const description = `MISS ${shooter.familyName} Free Throw ${i} of ${count}`;
    ctx.writer.add(clock, { side: offense, player: shooter, description, actionType: 'Free Throw', subType });
    if (i < count) {
      // A missed first free throw is a dead ball: the real feed books a team rebound for the shooter's team.
      const teamRebound = `${offense.team.name} Rebound`;
      ctx.writer.add(clock, {
        side: offense,
        teamLevel: true,
        description: teamRebound,
        actionType: 'Rebound',
        subType: 'Normal Rebound',
        videoAvailable: 0,
      });
    } else if (rebound(ctx, offense, clock) === 'offense') {
      fieldGoals(ctx, offense, clock - 2, true);
    }
  }
}

function shotCoordinates(ctx: GameContext, distance: number): { x: number; y: number } {
  const angle = (ctx.random.next() - 0.5) * Math.PI;
  return { x: Math.round(distance * 10 * Math.sin(angle)), y: Math.round(distance * 10 * Math.cos(angle)) };
}

/** Up to four attempts (offensive rebounds keep the possession); ends on a make or a defensive board. */
function fieldGoals(ctx: GameContext, offense: SideState, startClock: number, afterRebound: boolean): void {
  const defense = opponentOf(ctx, offense);
  const { random, writer } = ctx;
  let clock = startClock;
  let putback = afterRebound && random.chance(0.5);
  for (let attempt = 0; attempt < 4; attempt++) {
    const shooter = shooterOf(ctx, offense);
    const three = !putback && random.chance(shooter.threeRate);
    const kinds = putback ? PUTBACKS : three ? THREES : TWOS;
    const kind = kinds[random.weightedIndex(kinds.map((k) => k.weight))] as ShotKind;
    const distance = random.int(kind.min, kind.max);
    const value = three ? 3 : 2;
    const base = three ? 0.365 : putback ? 0.6 : 0.545;
    const made = random.chance(base + offense.strength - defense.strength);
    const line = lineOf(offense, shooter);
    line.fga++;
    if (three) line.fg3a++;
    const shot = { ...shotCoordinates(ctx, distance), distance, made, value };
    const where = distance > 0 ? `${distance}' ` : '';
    if (made) {
      line.fgm++;
      if (three) line.fg3m++;
      const score = addPoints(ctx, offense, shooter, value);
      const mates = offense.onCourt.filter((p) => p !== shooter);
      const assister =
        !putback && random.chance(0.62) ? pickPlayer(random, mates, (p) => p.assistWeight) : undefined;
      let description = `${shooter.familyName} ${where}${kind.text} (${line.pts} PTS)`;
      if (assister) {
        const assists = ++lineOf(offense, assister).ast;
        description += ` (${assister.familyName} ${assists} AST)`;
      }
      clock = writer.add(clock, {
        side: offense,
        player: shooter,
        description,
        actionType: 'Made Shot',
        subType: kind.subType,
        shot,
        score,
      });
      if (!three && random.chance(0.04)) {
        foul(ctx, defense, clock, 'Shooting');
        freeThrows(ctx, offense, shooter, 1, clock);
      }
      return;
    }
    const description = `MISS ${shooter.familyName} ${where}${kind.text}`;
    clock = writer.add(clock, {
      side: offense,
      player: shooter,
      description,
      actionType: 'Missed Shot',
      subType: kind.subType,
      shot,
    });
    if (random.chance(three ? 0.02 : 0.09)) {
      const blocker = pickPlayer(random, defense.onCourt, (p) => p.reboundWeight);
      const blocks = ++lineOf(defense, blocker).blk;
      const blockText = `${blocker.familyName} BLOCK (${blocks} BLK)`;
      writer.add(clock, {
        side: defense,
        player: blocker,
        description: blockText,
        actionType: '',
        subType: '',
        shotValue: value,
        sameNumber: true,
      });
    }
    if (rebound(ctx, offense, clock - 1) === 'defense') return;
    clock -= random.int(1, 3);
    putback = random.chance(0.5);
  }
}

function turnover(ctx: GameContext, offense: SideState, clock: number): void {
  const { random, writer } = ctx;
  const player = shooterOf(ctx, offense);
  const kind = TURNOVERS[random.weightedIndex(TURNOVERS.map((t) => t.weight))] ?? TURNOVERS[0];
  if (!kind) return;
  const line = lineOf(offense, player);
  line.tov++;
  offense.turnovers++;
  const description = `${player.familyName} ${kind.subType} Turnover (P${line.tov}.T${offense.turnovers})`;
  const at = writer.add(clock, {
    side: offense,
    player,
    description,
    actionType: 'Turnover',
    subType: kind.subType,
  });
  if (random.chance(kind.steal)) {
    const defense = opponentOf(ctx, offense);
    const stealer = pickPlayer(random, defense.onCourt, (p) => p.assistWeight);
    const steals = ++lineOf(defense, stealer).stl;
    const stealText = `${stealer.familyName} STEAL (${steals} STL)`;
    writer.add(at, {
      side: defense,
      player: stealer,
      description: stealText,
      actionType: '',
      subType: '',
      sameNumber: true,
    });
  }
}

/** Plays one possession of `offense` whose main event happens at `clock` seconds left. */
export function playPossession(ctx: GameContext, offense: SideState, clock: number): void {
  const defense = opponentOf(ctx, offense);
  const roll = ctx.random.next();
  if (roll < 0.13) {
    turnover(ctx, offense, clock);
    return;
  }
  if (roll < 0.18) {
    const at = foul(ctx, defense, clock + 4, ctx.random.chance(0.85) ? 'Personal' : 'Loose Ball');
    // In the penalty (fifth team foul of the period onwards) a common foul gives two shots.
    if (defense.periodFouls > 4) {
      freeThrows(ctx, offense, shooterOf(ctx, offense), 2, at);
      return;
    }
  } else if (roll < 0.27) {
    const at = foul(ctx, defense, clock, 'Shooting');
    freeThrows(ctx, offense, shooterOf(ctx, offense), ctx.random.chance(0.08) ? 3 : 2, at);
    return;
  }
  fieldGoals(ctx, offense, clock, false);
}

/** A last-second shot worth exactly `value` by `offense`: how the simulator sends close games to OT. */
export function buzzerBeater(ctx: GameContext, offense: SideState, value: 2 | 3): void {
  const shooter = shooterOf(ctx, offense);
  const line = lineOf(offense, shooter);
  line.fga++;
  line.fgm++;
  if (value === 3) {
    line.fg3a++;
    line.fg3m++;
  }
  const score = addPoints(ctx, offense, shooter, value);
  const distance = value === 3 ? ctx.random.int(24, 30) : ctx.random.int(12, 20);
  const shot = { ...shotCoordinates(ctx, distance), distance, made: true, value };
  const text = value === 3 ? '3PT Pullup Jump Shot' : 'Pullup Jump Shot';
  const description = `${shooter.familyName} ${distance}' ${text} (${line.pts} PTS)`;
  ctx.writer.add(0, {
    side: offense,
    player: shooter,
    description,
    actionType: 'Made Shot',
    subType: 'Pullup Jump shot',
    shot,
    score,
  });
}
