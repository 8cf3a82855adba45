import type { PlayAction } from './play-action.js';
import { formatClock } from './play-action.js';
import { nameInitial, type Player } from './players.js';
import type { Random } from './seeded-random.js';
import type { Team } from './teams.js';

/** Which side an action belongs to; its team and whether that team is at home. */
export interface ActionSide {
  readonly team: Team;
  readonly isHome: boolean;
}

export interface ActionFields {
  readonly side?: ActionSide;
  readonly player?: Player;
  /** Team-level rows (team rebounds, timeouts): teamId 0, personId = the team's id. */
  readonly teamLevel?: boolean;
  readonly description: string;
  readonly actionType: string;
  readonly subType: string;
  readonly shot?: {
    readonly x: number;
    readonly y: number;
    readonly distance: number;
    readonly made: boolean;
    readonly value: number;
  };
  /** Block rows carry the blocked shot's value. */
  readonly shotValue?: number;
  readonly score?: { readonly home: number; readonly away: number };
  readonly videoAvailable?: number;
  /** Steal and block rows share the action number of their turnover or shot. */
  readonly sameNumber?: boolean;
}

/**
 * Appends playbyplayv3 actions with every field in wire order: actionId 1..N, actionNumber
 * increasing with gaps, and a clock that never runs backwards within a period.
 */
export class ActionWriter {
  readonly actions: PlayAction[] = [];
  private actionNumber = 1;
  private lastClock = Number.POSITIVE_INFINITY;
  private period = 1;

  constructor(private readonly random: Random) {}

  startPeriod(period: number): void {
    this.period = period;
    this.lastClock = Number.POSITIVE_INFINITY;
  }

  /** Returns the clock actually used (never later in the game than the previous action). */
  add(secondsLeft: number, fields: ActionFields): number {
    const clock = Math.max(0, Math.min(secondsLeft, this.lastClock));
    this.lastClock = clock;
    if (!fields.sameNumber) this.actionNumber += this.random.chance(0.3) ? 2 : 1;
    const { side, player, shot, score } = fields;
    const teamLevel = fields.teamLevel === true;
    this.actions.push({
      actionNumber: this.actionNumber,
      clock: formatClock(clock),
      period: this.period,
      teamId: side && !teamLevel ? side.team.teamId : 0,
      teamTricode: side && !teamLevel ? side.team.tricode : '',
      personId: player ? player.personId : teamLevel && side ? side.team.teamId : 0,
      playerName: player ? player.familyName : '',
      playerNameI: player ? nameInitial(player) : '',
      xLegacy: shot ? shot.x : 0,
      yLegacy: shot ? shot.y : 0,
      shotDistance: shot ? shot.distance : 0,
      shotResult: shot ? (shot.made ? 'Made' : 'Missed') : '',
      isFieldGoal: shot ? 1 : 0,
      scoreHome: score ? String(score.home) : '',
      scoreAway: score ? String(score.away) : '',
      pointsTotal: score ? score.home + score.away : 0,
      location: side ? (side.isHome ? 'h' : 'v') : '',
      description: fields.description,
      actionType: fields.actionType,
      subType: fields.subType,
      videoAvailable: fields.videoAvailable ?? 1,
      shotValue: shot ? shot.value : (fields.shotValue ?? 0),
      actionId: this.actions.length + 1,
    });
    return clock;
  }
}
