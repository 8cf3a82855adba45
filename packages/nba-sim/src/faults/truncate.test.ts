import { describe, expect, it } from 'vitest';
import { truncateAnswer } from './truncate.js';

describe('truncateAnswer', () => {
  it('keeps two players per team of a V3 box score and its team totals', () => {
    const team = (n: number) => ({
      teamId: n,
      players: [1, 2, 3, 4, 5].map((p) => ({ personId: p })),
      statistics: { points: 100 },
    });
    const body = JSON.stringify({
      meta: {},
      boxScoreTraditional: { gameId: '0022400061', homeTeam: team(1), awayTeam: team(2) },
    });
    const cut = JSON.parse(truncateAnswer('boxscoretraditionalv3', body)) as {
      boxScoreTraditional: {
        homeTeam: { players: unknown[]; statistics: unknown };
        awayTeam: { players: unknown[] };
      };
    };
    expect(cut.boxScoreTraditional.homeTeam.players).toEqual([{ personId: 1 }, { personId: 2 }]);
    expect(cut.boxScoreTraditional.awayTeam.players).toHaveLength(2);
    expect(cut.boxScoreTraditional.homeTeam.statistics).toEqual({ points: 100 });
  });

  it('keeps the first half of the play-by-play and a tenth of a V2 row set', () => {
    const pbp = JSON.stringify({ game: { gameId: 'x', actions: [1, 2, 3, 4, 5] } });
    expect(
      (JSON.parse(truncateAnswer('playbyplayv3', pbp)) as { game: { actions: number[] } }).game.actions,
    ).toEqual([1, 2, 3]);
    const v2 = JSON.stringify({ resultSets: [{ rowSet: Array.from({ length: 450 }, (_, i) => [i]) }] });
    expect(
      (JSON.parse(truncateAnswer('commonallplayers', v2)) as { resultSets: { rowSet: unknown[] }[] })
        .resultSets[0]?.rowSet,
    ).toHaveLength(45);
  });
});
