export { type CliOptions, CliOptionsError, parseCliOptions } from './cli-options.js';
export { type FaultDecision, FaultInjector, type FaultRequest } from './faults/fault-injector.js';
export {
  EMPTY_FAULT_PLAN,
  type FaultAction,
  type FaultKind,
  type FaultPlan,
  FaultPlanError,
  type FaultRule,
  parseFaultPlan,
} from './faults/fault-plan.js';
export { type HttpVersion, RequestLog, type RequestLogEntry, type RequestLogOptions } from './request-log.js';
export type { GameCut, SimulatedGame, TeamGame } from './season/game-simulation.js';
export {
  type GameStatus,
  gameStatus,
  liveCutOf,
  type PlayedStatus,
  playedGames,
  playGameAsOf,
  playGameLive,
} from './season/game-status.js';
export { type ScheduledGame, SEASON_TYPES, type SeasonType } from './season/game-types.js';
export type { PlayAction } from './season/play-action.js';
export type { Player } from './season/players.js';
export {
  buildSeason,
  DEFAULT_SEASON,
  DEFAULT_SEED,
  playGame,
  type Season,
  type SeasonOptions,
  type SeasonSlice,
  seasonStreamKey,
  selectGames,
  shiftSlice,
} from './season/season.js';
export { parseSeasonList, type SeasonListResult } from './season/season-list.js';
export {
  type GameSummary,
  type SeasonSummary,
  type SummaryOptions,
  summarizeGame,
  summarizeSeason,
} from './season/season-summary.js';
export { correctAssists } from './season/stat-correction.js';
export { TEAMS, type Team } from './season/teams.js';
export { createSimServer, type SimServer, type SimServerOptions, type SimUrls } from './server.js';
export {
  BROWSER_CIPHER_HASHES,
  type BrowserName,
  type EdgeVerdict,
  edgeVerdict,
  type HelloFingerprint,
  ja4CipherHash,
} from './tls/edge.js';
export {
  createSelfSignedCertificate,
  type SelfSignedCertificate,
  type SelfSignedOptions,
} from './tls/self-signed-certificate.js';
export { type TlsConnectionEntry, TlsConnectionLog } from './tls/tls-front.js';
