import type { CheckDefinition, CheckOutcome, DatasetSchema, Row } from '../dataset-schema.js';
import { groupBy, numberCell, OutcomeBuilder } from './checks/check-outcome.js';
import {
  GAME_LOG_STATS,
  madeWithinAttempted,
  nonNegative,
  pointsFormula,
  reboundsSum,
} from './checks/common-checks.js';
import { column, LINEAGE_COLUMNS, SEASON_COLUMN, SEASON_TYPE_COLUMN } from './common-columns.js';

const SET = 'LeagueGameLog';

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

/** `games`: leaguegamelog in team mode (29 headers), one row per team per game. */
export const GAMES_SCHEMA: DatasetSchema<'games'> = {
  dataset: 'games',
  grain: 'one row per team per game',
  partitioning: 'month',
  checks: GAMES_CHECKS,
  columns: [
    SEASON_COLUMN,
    { ...SEASON_TYPE_COLUMN, description: 'SeasonType the schedule was requested with.' },
    column(
      'season_id',
      'UTF8',
      false,
      `${SET}.SEASON_ID`,
      'Type digit + start year, e.g. 22024 (regular season 2024-25).',
    ),
    column('team_id', 'INT64', false, `${SET}.TEAM_ID`, 'Team id (1610612xxx).'),
    column('team_abbreviation', 'UTF8', false, `${SET}.TEAM_ABBREVIATION`, 'Team tricode, e.g. BOS.'),
    column('team_name', 'UTF8', false, `${SET}.TEAM_NAME`, 'Team name as of that season, e.g. LA Clippers.'),
    column(
      'game_id',
      'UTF8',
      false,
      `${SET}.GAME_ID`,
      'NBA game id, 10-char string `0TTYYNNNNN` (never a number).',
    ),
    column('game_date', 'DATE', false, `${SET}.GAME_DATE`, 'Game day, US Eastern, as the API gives it.'),
    column(
      'matchup',
      'UTF8',
      false,
      `${SET}.MATCHUP`,
      'This team first: "BOS vs. PHI" at home, "GSW @ LAL" away.',
    ),
    column('wl', 'UTF8', true, `${SET}.WL`, 'W or L; null on anomalous rows.'),
    column('min', 'INT32', false, `${SET}.MIN`, 'Game length in minutes (240 regulation, +25 per OT).'),
    column('fgm', 'INT32', false, `${SET}.FGM`, 'Field goals made.'),
    column('fga', 'INT32', false, `${SET}.FGA`, 'Field goals attempted.'),
    column('fg_pct', 'DOUBLE', true, `${SET}.FG_PCT`, 'FGM/FGA, 3 decimals; null when FGA is 0.'),
    column('fg3m', 'INT32', false, `${SET}.FG3M`, 'Three-pointers made.'),
    column('fg3a', 'INT32', false, `${SET}.FG3A`, 'Three-pointers attempted.'),
    column('fg3_pct', 'DOUBLE', true, `${SET}.FG3_PCT`, 'FG3M/FG3A, 3 decimals; null when FG3A is 0.'),
    column('ftm', 'INT32', false, `${SET}.FTM`, 'Free throws made.'),
    column('fta', 'INT32', false, `${SET}.FTA`, 'Free throws attempted.'),
    column('ft_pct', 'DOUBLE', true, `${SET}.FT_PCT`, 'FTM/FTA, 3 decimals; null when FTA is 0.'),
    column('oreb', 'INT32', false, `${SET}.OREB`, 'Offensive rebounds.'),
    column('dreb', 'INT32', false, `${SET}.DREB`, 'Defensive rebounds.'),
    column('reb', 'INT32', false, `${SET}.REB`, 'Total rebounds.'),
    column('ast', 'INT32', false, `${SET}.AST`, 'Assists.'),
    column('stl', 'INT32', false, `${SET}.STL`, 'Steals.'),
    column('blk', 'INT32', false, `${SET}.BLK`, 'Blocks.'),
    column('tov', 'INT32', false, `${SET}.TOV`, 'Turnovers.'),
    column('pf', 'INT32', false, `${SET}.PF`, 'Personal fouls.'),
    column('pts', 'INT32', false, `${SET}.PTS`, 'Points.'),
    column('plus_minus', 'INT32', false, `${SET}.PLUS_MINUS`, 'Point margin (own minus opponent).'),
    column('video_available', 'INT32', false, `${SET}.VIDEO_AVAILABLE`, '1 if video exists, else 0.'),
    column(
      'is_home',
      'BOOLEAN',
      false,
      'derived',
      'MATCHUP contains "vs.". Neutral-site games have "@" in both rows, so both are false there.',
    ),
    column('opponent_team_abbreviation', 'UTF8', false, 'derived', 'Tricode after "vs." or "@" in MATCHUP.'),
    ...LINEAGE_COLUMNS,
  ],
};
