import { type StatLine, sumStatLines } from '../season/stat-line.js';

/** The usual box-score estimate of possessions (no team-rebound term). */
export function possessionsOf(t: StatLine): number {
  return t.fga + 0.44 * t.fta - t.oreb + t.tov;
}

const round = (value: number, digits: number): number => {
  if (!Number.isFinite(value)) return 0;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const pieScore = (l: StatLine) =>
  l.pts + l.fgm + l.ftm - l.fga - l.fta + l.dreb + l.oreb / 2 + l.ast + l.stl + l.blk / 2 - l.pf - l.tov;

export interface AdvancedInputs {
  readonly team: StatLine;
  readonly opponent: StatLine;
}

/**
 * boxscoreadvancedv3 `statistics` in wire order (REFERENCE §4.10), from counting stats with the
 * common NBA.com formulas. Per-player ratings shift the team's by his plus-minus per possession,
 * since on-court team points are not tracked. `teamOnly` adds estimatedTeamTurnoverPercentage.
 */
export function advancedStatistics(
  line: StatLine,
  minutes: string,
  inputs: AdvancedInputs,
  teamOnly: boolean,
) {
  const { team, opponent } = inputs;
  const teamPoss = possessionsOf(team);
  const oppPoss = possessionsOf(opponent);
  const teamFiveMinutes = team.seconds / 5;
  const share = teamOnly ? 1 : ratio(line.seconds, teamFiveMinutes);
  const poss = teamOnly ? teamPoss : teamPoss * share;
  const offTeam = 100 * ratio(team.pts, teamPoss);
  const defTeam = 100 * ratio(opponent.pts, oppPoss);
  const swing = teamOnly ? 0 : 50 * ratio(line.plusMinus, poss);
  const off = line.seconds === 0 ? 0 : offTeam + swing;
  const def = line.seconds === 0 ? 0 : defTeam - swing;
  const plays = line.fga + 0.44 * line.fta + line.ast + line.tov;
  const pace = line.seconds === 0 ? 0 : (48 * 60 * ((teamPoss + oppPoss) / 2)) / teamFiveMinutes;
  const game = sumStatLines([team, opponent]);
  const usage = teamOnly
    ? 1
    : ratio(
        (line.fga + 0.44 * line.fta + line.tov) * teamFiveMinutes,
        line.seconds * (team.fga + 0.44 * team.fta + team.tov),
      );
  return {
    minutes,
    estimatedOffensiveRating: round(off, 1),
    offensiveRating: round(off, 1),
    estimatedDefensiveRating: round(def, 1),
    defensiveRating: round(def, 1),
    estimatedNetRating: round(off - def, 1),
    netRating: round(off - def, 1),
    assistPercentage: round(
      teamOnly ? ratio(team.ast, team.fgm) : ratio(line.ast, share * team.fgm - line.fgm),
      3,
    ),
    assistToTurnover: round(ratio(line.ast, line.tov), 2),
    assistRatio: round(100 * ratio(line.ast, plays), 1),
    offensiveReboundPercentage: round(ratio(line.oreb, share * (team.oreb + opponent.dreb)), 3),
    defensiveReboundPercentage: round(ratio(line.dreb, share * (team.dreb + opponent.oreb)), 3),
    reboundPercentage: round(
      ratio(line.oreb + line.dreb, share * (team.oreb + team.dreb + opponent.oreb + opponent.dreb)),
      3,
    ),
    ...(teamOnly ? { estimatedTeamTurnoverPercentage: round(ratio(team.tov, teamPoss), 3) } : {}),
    turnoverRatio: round(100 * ratio(line.tov, plays), 1),
    effectiveFieldGoalPercentage: round(ratio(line.fgm + 0.5 * line.fg3m, line.fga), 3),
    trueShootingPercentage: round(ratio(line.pts, 2 * (line.fga + 0.44 * line.fta)), 3),
    usagePercentage: round(usage, 3),
    estimatedUsagePercentage: round(usage, 3),
    estimatedPace: round(pace, 2),
    pace: round(pace, 2),
    pacePer40: round((pace * 40) / 48, 2),
    possessions: Math.round(poss),
    PIE: round(ratio(pieScore(line), pieScore(game)), 3),
  };
}
