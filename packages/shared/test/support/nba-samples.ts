import type { Row } from '../../src/bronze/index.js';
import { ENDPOINTS, type ParseContext, type RequestName } from '../../src/nba/index.js';
import { readNbaFixture } from './nba-fixtures.js';

/** The real response samples (and the simulator's advanced box score), parsed by the registry. */
const ingestedAt = new Date('2026-02-22T05:36:00.000Z');

function parse(request: RequestName, file: string, ctx: Omit<ParseContext, 'ingestedAt'>) {
  return ENDPOINTS[request].parse(readNbaFixture(file), { ...ctx, ingestedAt });
}

const boxScore = parse('box-score', 'boxscoretraditionalv3_0022200552.json', {
  season: '2022-23',
  seasonType: 'Regular Season',
  gameId: '0022200552',
  gameDate: '2023-01-02',
});

export const SAMPLE_ROWS = {
  /** CHI @ CLE 2023-01-02, OT; real, complete. */
  boxScores: boxScore['box-scores'] ?? [],
  boxScoresTeams: boxScore['box-scores-teams'] ?? [],
  /** ATL @ BOS 2024-11-12; real, 70 of 475 actions (so action ids jump). */
  playByPlay:
    parse('play-by-play', 'playbyplayv3_0022400001_TRUNCATED70.json', {
      season: '2024-25',
      seasonType: 'Regular Season',
      gameId: '0022400001',
      gameDate: '2024-11-12',
    })['play-by-play'] ?? [],
  /** 2025-26 regular season; real, first 30 of 1688 rows (two games keep one row only). */
  games:
    parse('schedule', 'leaguegamelog_T_2025-26_RS_TRUNCATED30.json', {
      season: '2025-26',
      seasonType: 'Regular Season',
    }).games ?? [],
  /** 2025-26 directory; real, 26 of 5111 rows. */
  players: parse('players', 'commonallplayers_2025-26_TRUNCATED26.json', { season: '2025-26' }).players ?? [],
  /** NYK @ BOS 2024-10-22 from the simulator (seed 7): no real sample exists in the repo. */
  boxScoresAdvanced:
    parse('box-score-advanced', 'sim_boxscoreadvancedv3_0022400061.json', {
      season: '2024-25',
      seasonType: 'Regular Season',
      gameId: '0022400061',
      gameDate: '2024-10-22',
    })['box-scores-advanced'] ?? [],
} satisfies Record<string, readonly Row[]>;
