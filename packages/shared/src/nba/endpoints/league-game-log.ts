import type { CellValue } from '../../bronze/index.js';
import { GAMES_SCHEMA } from '../../bronze/index.js';
import { isGameId } from '../../identity/index.js';
import type { EndpointDefinition, ParseContext, ParsedRows, RequestTarget } from '../endpoint.js';
import { NbaRequestError } from '../errors.js';
import { readSourcedCells } from '../parsing/api-cells.js';
import { assembleRow } from '../parsing/assemble-row.js';
import { requireSeasonType } from '../parsing/game-context.js';
import { describeValue } from '../parsing/json-shape.js';
import { lineageCells } from '../parsing/lineage-cells.js';
import { readV2ResultSet } from '../parsing/v2-result-set.js';

const ENDPOINT = 'leaguegamelog';
const SET = 'LeagueGameLog';
const API_COLUMNS = GAMES_SCHEMA.columns.filter((spec) => spec.source.startsWith(`${SET}.`));
const HEADERS = API_COLUMNS.map((spec) => spec.source.slice(SET.length + 1));
const MATCHUP = /^(\S+) (vs\.|@) (\S+)$/;

interface Matchup {
  readonly isHome: boolean;
  readonly opponent: string;
}

/**
 * "BOS vs. PHI" (home) or "GSW @ LAL" (away), own team first. The team is looked up on both
 * sides so a gamefinder-style neutral-site row ("MIA @ WAS" for both teams) still finds its
 * opponent; such rows are never home.
 */
function parseMatchup(matchup: CellValue, team: CellValue, where: string): Matchup {
  const match = typeof matchup === 'string' ? MATCHUP.exec(matchup) : null;
  const [, first, separator, second] = match ?? [];
  if (first === team && second !== undefined) return { isHome: separator === 'vs.', opponent: second };
  if (second === team && first !== undefined) return { isHome: false, opponent: first };
  throw new NbaRequestError(
    'parse',
    `${where}: MATCHUP ${describeValue(matchup)} does not name team ${describeValue(team)}`,
  );
}

function parseLeagueGameLog(body: unknown, ctx: ParseContext): ParsedRows {
  const seasonType = requireSeasonType(ctx, ENDPOINT);
  const records = readV2ResultSet(body, SET, HEADERS, ENDPOINT);
  const lineage = lineageCells(ENDPOINT, ctx);
  // Zero rows is a valid answer (season not started, no playoffs yet): the planner decides.
  const games = records.map((record, index) => {
    const where = `${ENDPOINT} ${SET}.rowSet[${index}]`;
    const cells = readSourcedCells(API_COLUMNS, { [SET]: record }, where);
    if (!isGameId(cells.game_id)) {
      throw new NbaRequestError(
        'parse',
        `${where}: GAME_ID ${describeValue(cells.game_id)} is not 10 digits`,
      );
    }
    const matchup = parseMatchup(cells.matchup ?? null, cells.team_abbreviation ?? null, where);
    return assembleRow(GAMES_SCHEMA, {
      ...cells,
      season: ctx.season,
      season_type: seasonType,
      is_home: matchup.isHome,
      opponent_team_abbreviation: matchup.opponent,
      ...lineage,
    });
  });
  return { games };
}

/** `2024-11-03` → `11/03/2024`, the date format of the API's DateFrom and DateTo. */
function usDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${month}/${day}/${year}`;
}

/** Season game list, team mode: one request per season type, written to `games`. */
export const LEAGUE_GAME_LOG: EndpointDefinition<'schedule'> = {
  request: 'schedule',
  endpoint: ENDPOINT,
  params: (target: RequestTarget) => ({
    Counter: '0',
    DateFrom: target.dateFrom === undefined ? '' : usDate(target.dateFrom),
    DateTo: '',
    Direction: 'ASC',
    LeagueID: '00',
    PlayerOrTeam: 'T',
    Season: target.season,
    SeasonType: requireSeasonType(target, ENDPOINT),
    Sorter: 'DATE',
  }),
  parse: parseLeagueGameLog,
  datasets: ['games'],
};
