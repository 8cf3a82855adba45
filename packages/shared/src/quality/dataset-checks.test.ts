import { describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../../test/support/nba-samples.js';
import type { CellValue, DatasetName, QualityContext, Row } from '../bronze/index.js';
import { DATASET_CHECKS } from '../bronze/index.js';

import { checkDataset } from './score-dataset.js';

/** A copy of `rows` with `patch` applied to row `index`. */
function edit(rows: readonly Row[], index: number, patch: Record<string, CellValue>): Row[] {
  return rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
}
const num = (row: Row | undefined, column: string): number => (row?.[column] as number) ?? 0;

// Passing bases: the real samples, with the truncated ones made whole again.
const boxScores = SAMPLE_ROWS.boxScores;
const teams = SAMPLE_ROWS.boxScoresTeams;
const playByPlay = SAMPLE_ROWS.playByPlay.map((row, index) => ({ ...row, action_id: index + 1 }));
const pairedGames = SAMPLE_ROWS.games.filter(
  (row) => SAMPLE_ROWS.games.filter((other) => other.game_id === row.game_id).length === 2,
);
const players = SAMPLE_ROWS.players;
const advanced = SAMPLE_ROWS.boxScoresAdvanced;

interface Base {
  readonly rows: readonly Row[];
  readonly context: QualityContext;
}
const BASES: Record<DatasetName, Base> = {
  'box-scores': { rows: boxScores, context: { teamRows: teams } },
  'box-scores-teams': { rows: teams, context: {} },
  'play-by-play': { rows: playByPlay, context: { finalScore: { home: 116, away: 117 } } },
  games: { rows: pairedGames, context: { scheduledGameIds: pairedGames.map((row) => String(row.game_id)) } },
  players: { rows: players, context: {} },
  'box-scores-advanced': { rows: advanced, context: {} },
};

type Case = readonly [dataset: DatasetName, check: string, rows: readonly Row[], context?: QualityContext];
const mitchell = boxScores.findIndex((row) => row.person_id === 1628378);
const dnp = boxScores.findIndex((row) => row.minutes === '');
const bench = teams.findIndex((row) => row.row_kind === 'bench');
const lastScored = playByPlay.length - 1;
const advancedTeam = advanced.findIndex((row) => row.row_kind === 'team');
const opponent = pairedGames.findIndex((row, index) => index > 0 && row.game_id === pairedGames[0]?.game_id);

const CASES: readonly Case[] = [
  ['box-scores', 'rows-present', []],
  ['box-scores', 'required-fields', edit(boxScores, 0, { team_city: null })],
  ['box-scores', 'required-fields', edit(boxScores, 0, { person_id: '1628378' })],
  ['box-scores', 'two-teams', boxScores.filter((row) => row.is_home === true)],
  ['box-scores', 'minutes-format', edit(boxScores, mitchell, { minutes: '49.48' })],
  ['box-scores', 'minutes-format', edit(boxScores, mitchell, { minutes_played: 49.5 })],
  ['box-scores', 'minutes-format', edit(boxScores, dnp, { minutes_played: 0 })],
  ['box-scores', 'non-negative-counts', edit(boxScores, 0, { steals: -1 })],
  ['box-scores', 'made-within-attempted', edit(boxScores, mitchell, { field_goals_made: 35 })],
  ['box-scores', 'made-within-attempted', edit(boxScores, mitchell, { three_pointers_attempted: 40 })],
  ['box-scores', 'points-formula', edit(boxScores, mitchell, { points: 70 })],
  ['box-scores', 'rebounds-sum', edit(boxScores, mitchell, { rebounds_total: 9 })],
  ['box-scores', 'team-totals', edit(boxScores, mitchell, { assists: 12 })],
  ['box-scores', 'team-totals', boxScores, { teamRows: teams.filter((row) => row.is_home === true) }],
  ['box-scores-teams', 'rows-present', []],
  ['box-scores-teams', 'required-fields', edit(teams, 0, { team_slug: null })],
  ['box-scores-teams', 'row-kinds', teams.filter((_, index) => index !== bench)],
  ['box-scores-teams', 'row-kinds', teams.map((row) => ({ ...row, is_home: true }))],
  ['box-scores-teams', 'minutes-format', edit(teams, 0, { minutes: '265' })],
  ['box-scores-teams', 'minutes-format', edit(teams, 0, { minutes_played: 240 })],
  ['box-scores-teams', 'non-negative-counts', edit(teams, 0, { blocks: -1 })],
  ['box-scores-teams', 'made-within-attempted', edit(teams, 0, { free_throws_made: 99 })],
  ['box-scores-teams', 'points-formula', edit(teams, 0, { points: 144 })],
  ['box-scores-teams', 'rebounds-sum', edit(teams, 0, { rebounds_offensive: 0 })],
  [
    'box-scores-teams',
    'starters-plus-bench',
    edit(teams, bench, { assists: num(teams[bench], 'assists') + 1 }),
  ],
  ['box-scores-teams', 'starters-plus-bench', edit(teams, bench, { minutes_played: 184 + 29 / 60 })],
  ['play-by-play', 'rows-present', []],
  ['play-by-play', 'required-fields', edit(playByPlay, 3, { description: null })],
  ['play-by-play', 'clock-format', edit(playByPlay, 3, { clock: '11:43' })],
  ['play-by-play', 'clock-format', edit(playByPlay, 3, { clock_seconds: 1 })],
  ['play-by-play', 'clock-range', edit(playByPlay, 3, { period: 0 })],
  [
    'play-by-play',
    'clock-range',
    edit(playByPlay, 3, { period: 5, clock: 'PT06M00.00S', clock_seconds: 360 }),
  ],
  ['play-by-play', 'non-negative-counts', edit(playByPlay, 3, { shot_distance: -3 })],
  ['play-by-play', 'coded-values', edit(playByPlay, 3, { shot_value: 1 })],
  ['play-by-play', 'coded-values', edit(playByPlay, 3, { location: 'home' })],
  ['play-by-play', 'action-id-sequence', edit(playByPlay, 4, { action_id: 4 })],
  ['play-by-play', 'action-id-sequence', playByPlay.slice(1)],
  ['play-by-play', 'final-score', playByPlay, { finalScore: { home: 117, away: 116 } }],
  ['play-by-play', 'final-score', edit(playByPlay, lastScored, { score_home: 110 })],
  ['games', 'rows-present', []],
  ['games', 'required-fields', edit(pairedGames, 0, { team_name: null })],
  ['games', 'non-negative-counts', edit(pairedGames, 0, { stl: -1 })],
  ['games', 'made-within-attempted', edit(pairedGames, 0, { fg3m: 99 })],
  ['games', 'points-formula', edit(pairedGames, 0, { pts: num(pairedGames[0], 'pts') + 1 })],
  ['games', 'rebounds-sum', edit(pairedGames, 0, { reb: 0 })],
  ['games', 'two-rows-per-game', pairedGames.slice(1)],
  ['games', 'two-rows-per-game', [...pairedGames, pairedGames[0] as Row]],
  ['games', 'game-margin', edit(pairedGames, 0, { plus_minus: num(pairedGames[0], 'plus_minus') + 1 })],
  ['games', 'game-margin', edit(pairedGames, opponent, { wl: pairedGames[0]?.wl ?? null })],
  ['games', 'scheduled-games', pairedGames, { scheduledGameIds: ['0022599999'] }],
  ['players', 'rows-present', []],
  ['players', 'required-fields', edit(players, 0, { display_first_last: null })],
  ['players', 'coded-values', edit(players, 0, { rosterstatus: 2 })],
  ['players', 'career-years', edit(players, 0, { from_year: '199' })],
  ['players', 'career-years', edit(players, 0, { from_year: '2030' })],
  ['players', 'unique-person-id', [...players, players[0] as Row]],
  ['box-scores-advanced', 'rows-present', []],
  ['box-scores-advanced', 'required-fields', edit(advanced, 0, { pace: null })],
  ['box-scores-advanced', 'two-teams', advanced.filter((row) => row.is_home === true)],
  ['box-scores-advanced', 'row-kinds', advanced.filter((_, index) => index !== advancedTeam)],
  ['box-scores-advanced', 'row-kinds', edit(advanced, 0, { estimated_team_turnover_percentage: 0.1 })],
  ['box-scores-advanced', 'minutes-format', edit(advanced, 0, { minutes: '35.33' })],
  ['box-scores-advanced', 'non-negative-rates', edit(advanced, 0, { possessions: -1 })],
  ['box-scores-advanced', 'net-rating', edit(advanced, 0, { net_rating: 4.8 })],
];

function failed(dataset: DatasetName, rows: readonly Row[], context: QualityContext): string[] {
  return checkDataset(dataset, rows, context)
    .filter((check) => !check.passed)
    .map((check) => check.name);
}

describe('quality checks', () => {
  it.each(Object.entries(BASES))('pass on a whole, valid %s sample', (dataset, base) => {
    const checks = checkDataset(dataset as DatasetName, base.rows, base.context);
    expect(checks.filter((check) => !check.passed)).toEqual([]);
    // With their context given, every check of the dataset runs.
    expect(checks.map((check) => check.name)).toEqual(
      DATASET_CHECKS[dataset as DatasetName].map((definition) => definition.name),
    );
  });

  const cases = CASES.map(([dataset, check, rows, context]) => ({ dataset, check, rows, context }));
  it.each(cases)('$dataset $check fails on crafted rows', ({ dataset, check, rows, context }) => {
    const result = checkDataset(dataset, rows, context ?? BASES[dataset].context).find(
      (c) => c.name === check,
    );
    expect(result?.passed).toBe(false);
    expect(result?.failures).toBeGreaterThan(0);
    expect(result?.detail).not.toBe('');
  });

  it('names the failing row and values in the detail', () => {
    const rows = edit(boxScores, mitchell, { points: 70 });
    const check = checkDataset('box-scores', rows).find((c) => c.name === 'points-formula');
    expect(check).toMatchObject({ checked: 23, failures: 1 });
    expect(check?.detail).toBe(`row ${mitchell} (person 1628378): points 70, expected 71`);
    expect(failed('box-scores', rows, { teamRows: teams })).toEqual(['points-formula', 'team-totals']);
  });

  it('has a failing case for every check of every dataset', () => {
    for (const [dataset, definitions] of Object.entries(DATASET_CHECKS)) {
      const covered = new Set(CASES.filter(([d]) => d === dataset).map(([, check]) => check));
      expect(definitions.map((definition) => definition.name).filter((name) => !covered.has(name))).toEqual(
        [],
      );
    }
  });
});
