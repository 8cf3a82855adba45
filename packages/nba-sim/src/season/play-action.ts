/** One playbyplayv3 action; the key order here is the wire order (REFERENCE §4.6). */
export interface PlayAction {
  actionNumber: number;
  clock: string;
  period: number;
  teamId: number;
  teamTricode: string;
  personId: number;
  playerName: string;
  playerNameI: string;
  xLegacy: number;
  yLegacy: number;
  shotDistance: number;
  shotResult: string;
  isFieldGoal: number;
  scoreHome: string;
  scoreAway: string;
  pointsTotal: number;
  location: string;
  description: string;
  actionType: string;
  subType: string;
  videoAvailable: number;
  shotValue: number;
  actionId: number;
}

/** Seconds left in the period -> `PT11M41.00S`. */
export function formatClock(secondsLeft: number): string {
  const m = Math.floor(secondsLeft / 60);
  const s = secondsLeft % 60;
  return `PT${String(m).padStart(2, '0')}M${String(s).padStart(2, '0')}.00S`;
}

const ORDINALS = ['1st', '2nd', '3rd', '4th'];

/** "1st Period", "4th Period", "1st OT". */
export function periodLabel(period: number): string {
  return period <= 4 ? `${ORDINALS[period - 1]} Period` : `${ORDINALS[period - 5] ?? `${period - 4}th`} OT`;
}

/** Minutes after midnight -> "7:11 PM EST". */
export function formatWallTime(minutes: number, daylight: boolean): string {
  const h24 = Math.floor(minutes / 60) % 24;
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${h12}:${String(minutes % 60).padStart(2, '0')} ${h24 < 12 ? 'AM' : 'PM'} ${daylight ? 'EDT' : 'EST'}`;
}
