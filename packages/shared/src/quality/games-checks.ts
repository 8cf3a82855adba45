import type { Row } from '../bronze/index.js';
import { groupBy, numberCell, OutcomeBuilder } from './check-outcome.js';
import {
  GAME_LOG_STATS,
  madeWithinAttempted,
  nonNegative,
  pointsFormula,
  ROWS_PRESENT,
  reboundsSum,
  requiredFields,
} from './common-checks.js';
import type { CheckDefinition, CheckOutcome } from './quality-report.js';

const GAME_COUNTS = [
  'min',
  'fgm',
  'fga',
  'fg3m',
  'fg3a',
  'ftm',
  'fta',
  'oreb',
  'dreb',
  'reb',
  'ast',
  'stl',
  'blk',
  'tov',
  'pf',
  'pts',
];

function twoRowsOutcome(rows: readonly Row[]): CheckOutcome {
  const outcome = new OutcomeBuilder();
  for (const [game, gameRows] of groupBy(rows, 'game_id')) {
    const teams = new Set(gameRows.map((row) => String(row.team_id)));
    outcome.add(
      gameRows.length === 2 && teams.size === 2
        ? undefined
        : `game ${game}: ${gameRows.length} row(s) for ${teams.size} team(s), expected 2 rows for 2 teams`,
    );
  }
  return outcome.build();
}

function scheduledOutcome(rows: readonly Row[], scheduled: readonly string[]): CheckOutcome {
  const outcome = new OutcomeBuilder();
  const byGame = groupBy(rows, 'game_id');
  for (const game of scheduled) {
    const count = byGame.get(game)?.length ?? 0;
    outcome.add(count === 2 ? undefined : `scheduled game ${game}: ${count} row(s), expected 2`);
  }
  return outcome.build();
}

function marginOutcome(rows: readonly Row[]): CheckOutcome {
  const outcome = new OutcomeBuilder();
  for (const [game, gameRows] of groupBy(rows, 'game_id')) {
    const [a, b] = gameRows;
    if (gameRows.length !== 2 || a === undefined || b === undefined) continue;
    const margin = (numberCell(a, 'pts') ?? 0) - (numberCell(b, 'pts') ?? 0);
    const results = a.wl === null || b.wl === null || a.wl !== b.wl;
    outcome.add(
      numberCell(a, 'plus_minus') === margin && numberCell(b, 'plus_minus') === -margin && results
        ? undefined
        : `game ${game}: pts ${String(a.pts)}-${String(b.pts)}, plus_minus ${String(a.plus_minus)}/${String(b.plus_minus)}, wl ${String(a.wl)}/${String(b.wl)}`,
    );
  }
  return outcome.build();
}

/** `games`: the schedule, one row per team per game. */
export const GAMES_CHECKS: readonly CheckDefinition[] = [
  ROWS_PRESENT,
  requiredFields('games'),
  nonNegative(GAME_COUNTS),
  madeWithinAttempted(GAME_LOG_STATS),
  pointsFormula(GAME_LOG_STATS),
  reboundsSum(GAME_LOG_STATS),
  {
    name: 'two-rows-per-game',
    dimension: 'consistency',
    description: 'Every game_id has exactly two rows, for two different teams.',
    run: (rows) => twoRowsOutcome(rows),
  },
  {
    name: 'game-margin',
    dimension: 'consistency',
    description: "Each team's plus_minus is its points minus the opponent's, and the two wl values differ.",
    run: (rows) => marginOutcome(rows),
  },
  {
    name: 'scheduled-games',
    dimension: 'consistency',
    description: 'Every game of the stored schedule has exactly two rows (needs the schedule).',
    run: (rows, context) =>
      context.scheduledGameIds === undefined ? undefined : scheduledOutcome(rows, context.scheduledGameIds),
  },
];
