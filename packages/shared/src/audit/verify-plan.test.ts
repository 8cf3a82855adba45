import { describe, expect, it } from 'vitest';
import type { ScheduledGame } from '../nba/index.js';
import { planVerification } from './verify-plan.js';

const games: ScheduledGame[] = [
  { gameId: '0022400061', gameDate: '2024-10-22', seasonType: 'Regular Season' },
  { gameId: '0022400062', gameDate: '2024-10-22', seasonType: 'Regular Season' },
  { gameId: '0022400100', gameDate: '2024-11-01', seasonType: 'Regular Season' },
];
const P = 'historical-backfill';
const everyKey = (ids: readonly string[]) => [
  `${P}/games/season=2024-25/month=10/games.parquet`,
  `${P}/games/season=2024-25/month=11/games.parquet`,
  `${P}/players/season=2024-25/players.parquet`,
  `${P}/_raw/players/season=2024-25/players.json.gz`,
  ...ids.flatMap((id, i) => {
    const month = i < 2 ? '10' : '11';
    return [
      `${P}/box-scores/season=2024-25/month=${month}/${id}.parquet`,
      `${P}/box-scores-teams/season=2024-25/month=${month}/${id}.parquet`,
      `${P}/_raw/box-score/season=2024-25/${id}.json.gz`,
    ];
  }),
];
const input = {
  outputPrefix: P,
  season: '2024-25',
  endpoints: ['box-score'] as const,
  schedule: games,
  games,
};

describe('planVerification', () => {
  it('expects every file of the schedule, grouped by dataset and month', () => {
    const plan = planVerification({ ...input, listed: new Set(everyKey(games.map((g) => g.gameId))) });
    expect(plan.problems).toEqual([]);
    expect(plan.seasonFiles.map((file) => [file.dataset, file.expectedRows])).toEqual([
      ['games', 4],
      ['games', 2],
      ['players', undefined],
    ]);
    expect(plan.gameFiles.map((files) => files.map((file) => file.dataset))).toEqual([
      ['box-scores', 'box-scores-teams'],
      ['box-scores', 'box-scores-teams'],
      ['box-scores', 'box-scores-teams'],
    ]);
    const boxScores = [...plan.groups.values()].filter((group) => group.dataset === 'box-scores');
    expect(boxScores.map((g) => [g.month, g.games, g.expected])).toEqual([
      ['10', 2, 2],
      ['11', 1, 1],
    ]);
    expect(plan.groups.get('_raw|10')).toMatchObject({ expected: 2, found: 2 });
  });

  it('names each missing Parquet file and raw body with its game', () => {
    const listed = new Set(everyKey(games.map((g) => g.gameId)));
    listed.delete(`${P}/box-scores-teams/season=2024-25/month=10/0022400062.parquet`);
    listed.delete(`${P}/_raw/box-score/season=2024-25/0022400100.json.gz`);
    const plan = planVerification({ ...input, listed });
    expect(plan.problems).toEqual([
      {
        kind: 'missing',
        key: `${P}/box-scores-teams/season=2024-25/month=10/0022400062.parquet`,
        message: 'game 0022400062 (2024-10-22, Regular Season) box-score',
      },
      {
        kind: 'missing',
        key: `${P}/_raw/box-score/season=2024-25/0022400100.json.gz`,
        message: 'raw body of game 0022400100 (2024-11-01, Regular Season) box-score',
      },
    ]);
    expect(plan.gameFiles[1]?.map((file) => file.dataset)).toEqual(['box-scores']);
    expect(plan.groups.get('box-scores-teams|10')).toMatchObject({ expected: 2, problems: 1 });
  });
});
