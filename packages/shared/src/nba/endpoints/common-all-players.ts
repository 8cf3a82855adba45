import { PLAYERS_SCHEMA } from '../../bronze/index.js';
import type { EndpointDefinition, ParseContext, ParsedRows, RequestTarget } from '../endpoint.js';
import { NbaRequestError } from '../errors.js';
import { readSourcedCells } from '../parsing/api-cells.js';
import { assembleRow } from '../parsing/assemble-row.js';
import { lineageCells } from '../parsing/lineage-cells.js';
import { readV2ResultSet } from '../parsing/v2-result-set.js';

const ENDPOINT = 'commonallplayers';
const SET = 'CommonAllPlayers';
const API_COLUMNS = PLAYERS_SCHEMA.columns.filter((spec) => spec.source.startsWith(`${SET}.`));
const HEADERS = API_COLUMNS.map((spec) => spec.source.slice(SET.length + 1));

function parseCommonAllPlayers(body: unknown, ctx: ParseContext): ParsedRows {
  const records = readV2ResultSet(body, SET, HEADERS, ENDPOINT);
  // Every season has rostered players, so no rows means the API had nothing for us yet.
  if (records.length === 0) throw new NbaRequestError('empty', `${ENDPOINT}: ${SET} has no rows`);
  const lineage = lineageCells(ENDPOINT, ctx);
  const players = records.map((record, index) => {
    const cells = readSourcedCells(API_COLUMNS, { [SET]: record }, `${ENDPOINT} ${SET}.rowSet[${index}]`);
    return assembleRow(PLAYERS_SCHEMA, { ...cells, season: ctx.season, ...lineage });
  });
  return { players };
}

/** Players rostered in the season (`IsOnlyCurrentSeason=1`), written to `players`. */
export const COMMON_ALL_PLAYERS: EndpointDefinition<'players'> = {
  request: 'players',
  endpoint: ENDPOINT,
  params: (target: RequestTarget) => ({ IsOnlyCurrentSeason: '1', LeagueID: '00', Season: target.season }),
  parse: parseCommonAllPlayers,
  datasets: ['players'],
};
