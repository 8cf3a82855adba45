export { classifyFailure, classifyStatus, errorKindOf, parseRetryAfter } from './classify.js';
export {
  NbaClient,
  type NbaClientOptions,
  type NbaResponse,
  type RequestGate,
  type SentRequest,
} from './client.js';
export {
  type EndpointDefinition,
  type ParseContext,
  type ParsedRows,
  type RequestTarget,
  SEASON_TYPES,
  type SeasonType,
} from './endpoint.js';
export {
  ERROR_KINDS,
  type ErrorKind,
  isErrorKind,
  NbaRequestError,
  type NbaRequestErrorOptions,
} from './errors.js';
export { ImpitTransport } from './impit-transport.js';
export {
  DEFAULT_GAME_REQUEST_NAMES,
  ENDPOINTS,
  endpointFor,
  GAME_REQUEST_NAMES,
  type GameRequestName,
  REQUEST_NAMES,
  type RequestName,
} from './registry.js';
export {
  buildQuery,
  type ImpersonatedBrowser,
  impersonatedBrowser,
  NBA_REQUEST_HEADERS,
} from './request-headers.js';
export { type ScheduledGame, scheduleGames } from './schedule-games.js';
export type { NbaTransport, TransportAnswer, TransportOptions } from './transport.js';
