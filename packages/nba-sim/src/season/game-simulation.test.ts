import { describe, expect, it } from 'vitest';
import type { SimulatedGame, TeamGame } from './game-simulation.js';
import { buildSeason, playGame } from './season.js';
import { emptyStatLine, sumStatLines } from './stat-line.js';

const season = buildSeason({ seed: 7 });
const sims: SimulatedGame[] = season.games.filter((_, i) => i % 10 === 0).map((g) => playGame(season, g));
const overtime = sims.filter((s) => s.periods > 4);

function lines(team: TeamGame) {
  return team.rows.map((r) => ({ row: r, line: team.lines.get(r.player.personId) ?? emptyStatLine() }));
}

/** Points per person and team from the play-by-play text of scoring actions. */
function pbpPoints(sim: SimulatedGame) {
  const perPlayer = new Map<number, number>();
  let home = 0;
  let away = 0;
  for (const a of sim.actions) {
    const points =
      a.actionType === 'Made Shot'
        ? a.shotValue
        : a.actionType === 'Free Throw' && !a.description.startsWith('MISS')
          ? 1
          : 0;
    if (points === 0) continue;
    perPlayer.set(a.personId, (perPlayer.get(a.personId) ?? 0) + points);
    if (a.location === 'h') home += points;
    else away += points;
  }
  return { perPlayer, home, away };
}

describe('simulated box score', () => {
  it('keeps every player line internally consistent', () => {
    for (const sim of sims) {
      for (const { line } of [...lines(sim.home), ...lines(sim.away)]) {
        expect(line.fgm).toBeLessThanOrEqual(line.fga);
        expect(line.fg3m).toBeLessThanOrEqual(line.fg3a);
        expect(line.fg3m).toBeLessThanOrEqual(line.fgm);
        expect(line.fg3a).toBeLessThanOrEqual(line.fga);
        expect(line.ftm).toBeLessThanOrEqual(line.fta);
        expect(line.pts).toBe(2 * line.fgm + line.fg3m + line.ftm);
        expect(line.pf).toBeLessThanOrEqual(6);
      }
    }
  });

  it('lists 11-18 players per team: F, F, C, G, G starters, bench, 1-3 DNP rows', () => {
    for (const sim of sims) {
      for (const team of [sim.home, sim.away]) {
        expect(team.rows.length).toBeGreaterThanOrEqual(11);
        expect(team.rows.length).toBeLessThanOrEqual(18);
        expect(team.rows.map((r) => r.position)).toEqual([
          'F',
          'F',
          'C',
          'G',
          'G',
          ...team.rows.slice(5).map(() => ''),
        ]);
        const dnp = lines(team).filter(({ row }) => !row.plays);
        expect(dnp.length).toBeGreaterThanOrEqual(1);
        expect(dnp.length).toBeLessThanOrEqual(3);
        for (const { row, line } of dnp) {
          expect(row.comment).toMatch(/^DNP - /);
          expect(line).toEqual(emptyStatLine());
        }
        for (const { row, line } of lines(team).filter(({ row }) => row.plays)) {
          expect(row.comment).toBe('');
          expect(line.seconds).toBeGreaterThan(0);
        }
      }
    }
  });

  it('plays exactly five players at a time and balances plus-minus', () => {
    for (const sim of sims) {
      const gameSeconds = 2880 + (sim.periods - 4) * 300;
      for (const [team, other] of [
        [sim.home, sim.away],
        [sim.away, sim.home],
      ] as const) {
        const total = sumStatLines([...team.lines.values()]);
        expect(total.seconds).toBe(5 * gameSeconds);
        expect(total.pts).toBe(team.points);
        expect(total.plusMinus).toBe(5 * (team.points - other.points));
      }
      expect(sim.home.points).not.toBe(sim.away.points);
    }
  });

  it('has realistic scores and some overtime games', () => {
    const points = sims.flatMap((s) => [s.home.points, s.away.points]);
    const mean = points.reduce((a, b) => a + b, 0) / points.length;
    expect(mean).toBeGreaterThan(100);
    expect(mean).toBeLessThan(125);
    expect(overtime.length).toBeGreaterThan(0);
  });
});

describe('simulated play-by-play', () => {
  it('numbers actionId 1..N and never lets actionNumber go down', () => {
    for (const sim of sims) {
      expect(sim.actions.map((a) => a.actionId)).toEqual(sim.actions.map((_, i) => i + 1));
      for (let i = 1; i < sim.actions.length; i++) {
        const [prev, cur] = [sim.actions[i - 1], sim.actions[i]];
        if (!prev || !cur) continue;
        expect(cur.actionNumber).toBeGreaterThanOrEqual(prev.actionNumber);
        // Only steal and block rows (actionType "") repeat the number of the row before.
        if (cur.actionNumber === prev.actionNumber) expect(cur.actionType).toBe('');
      }
    }
  });

  it('has 430-620 actions in a regulation game and empty-actionType steal/block rows', () => {
    for (const sim of sims.filter((s) => s.periods === 4)) {
      expect(sim.actions.length).toBeGreaterThanOrEqual(430);
      expect(sim.actions.length).toBeLessThanOrEqual(620);
      expect(sim.actions.some((a) => a.actionType === '' && a.description.includes('STEAL'))).toBe(true);
    }
  });

  it('ends on the box-score score and credits points to the same players', () => {
    for (const sim of sims) {
      const last = sim.actions.at(-1);
      expect(last).toMatchObject({
        actionType: 'period',
        subType: 'end',
        scoreHome: String(sim.home.points),
        scoreAway: String(sim.away.points),
      });
      const pbp = pbpPoints(sim);
      expect([pbp.home, pbp.away]).toEqual([sim.home.points, sim.away.points]);
      for (const team of [sim.home, sim.away]) {
        for (const { row, line } of lines(team))
          expect(pbp.perPlayer.get(row.player.personId) ?? 0).toBe(line.pts);
      }
    }
  });

  it('sets scores only on scoring and period rows, and runs the clock down', () => {
    for (const sim of sims) {
      let period = 0;
      let clock = Number.POSITIVE_INFINITY;
      for (const a of sim.actions) {
        const scoring =
          a.actionType === 'Made Shot' ||
          (a.actionType === 'Free Throw' && !a.description.startsWith('MISS'));
        expect(a.scoreHome !== '').toBe(scoring || a.actionType === 'period');
        if (a.actionType === 'Free Throw') expect(a.shotResult).toBe('');
        if (a.actionType === 'Rebound' && a.teamId === 0)
          expect([sim.home.team.teamId, sim.away.team.teamId]).toContain(a.personId);
        expect(a.clock).toMatch(/^PT\d{2}M\d{2}\.\d{2}S$/);
        const seconds = Number(a.clock.slice(2, 4)) * 60 + Number(a.clock.slice(5, 7));
        if (a.period !== period) {
          period = a.period;
          expect(a.description).toMatch(/^Start of /);
          expect(a.clock).toBe(period <= 4 ? 'PT12M00.00S' : 'PT05M00.00S');
        } else {
          expect(seconds).toBeLessThanOrEqual(clock);
        }
        clock = seconds;
      }
    }
  });

  it('plays overtime periods of five minutes', () => {
    expect(overtime.length).toBeGreaterThan(0);
    for (const sim of overtime)
      expect(sim.actions.some((a) => a.period === 5 && a.description.startsWith('Start of 1st OT'))).toBe(
        true,
      );
  });

  it('is deterministic: the same game twice is identical', () => {
    const game = season.games[100];
    if (!game) throw new Error('expected a game');
    expect(JSON.stringify(playGame(season, game).actions)).toBe(
      JSON.stringify(playGame(buildSeason({ seed: 7 }), game).actions),
    );
  });
});
