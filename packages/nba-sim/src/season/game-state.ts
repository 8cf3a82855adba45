import type { ActionSide, ActionWriter } from './action-writer.js';
import type { GameRosterRow } from './game-roster.js';
import type { Player } from './players.js';
import type { Random } from './seeded-random.js';
import type { StatLine } from './stat-line.js';

/** One team during a simulated game. */
export interface SideState extends ActionSide {
  readonly rows: readonly GameRosterRow[];
  readonly lines: ReadonlyMap<number, StatLine>;
  onCourt: Player[];
  score: number;
  turnovers: number;
  periodFouls: number;
  timeouts: number;
  /** Added to this team's shooting percentages, subtracted from its opponents'. */
  readonly strength: number;
}

export interface GameContext {
  readonly random: Random;
  readonly writer: ActionWriter;
  readonly home: SideState;
  readonly away: SideState;
  readonly officials: readonly string[];
}

export function lineOf(side: SideState, player: Player): StatLine {
  const line = side.lines.get(player.personId);
  if (!line) throw new Error(`lineOf: player ${player.personId} is not dressed for ${side.team.tricode}`);
  return line;
}

export function opponentOf(ctx: GameContext, side: SideState): SideState {
  return side === ctx.home ? ctx.away : ctx.home;
}

export function pickPlayer(
  random: Random,
  players: readonly Player[],
  weight: (p: Player) => number,
): Player {
  const index = random.weightedIndex(players.map(weight));
  const player = players[index];
  if (!player) throw new Error('pickPlayer: expected players on court, got none');
  return player;
}

/** Adds points to a team, the player's line and every on-court plus-minus; returns the new score. */
export function addPoints(
  ctx: GameContext,
  side: SideState,
  scorer: Player,
  points: number,
): { home: number; away: number } {
  const line = lineOf(side, scorer);
  line.pts += points;
  side.score += points;
  const other = opponentOf(ctx, side);
  for (const p of side.onCourt) lineOf(side, p).plusMinus += points;
  for (const p of other.onCourt) lineOf(other, p).plusMinus -= points;
  return { home: ctx.home.score, away: ctx.away.score };
}
