import type { BronzeStore } from '../bronze/index.js';
import type { GameRequestName, NbaClient, SeasonType } from '../nba/index.js';
import { SEASON_TYPES, scheduleGames } from '../nba/index.js';
import {
  applyGlobalRateLimit,
  type MaintenanceQueue,
  type RateLimitGate,
  REQUEST_JOB_OPTIONS,
  type Redis,
  type RequestQueue,
  scheduleCheckpoints,
  storePlannedPace,
} from '../queue/index.js';
import {
  addPlannedSeasons,
  type ItemStanding,
  itemStandings,
  type PlannedItem,
  planSeasonItems,
  type RedisState,
  restoreControlAfterLostRedis,
} from '../state/index.js';
import { gameFinality } from './game-finality.js';
import { loadSchedule, writeGames } from './schedule.js';

const ADD_BULK_CHUNK = 500;

/** What planning a season talks to. */
export interface EnqueueDeps {
  readonly redis: Redis;
  readonly queue: RequestQueue;
  readonly maintenance: MaintenanceQueue;
  readonly gate: Pick<RateLimitGate, 'intervalMs' | 'hold'>;
  readonly nba: Pick<NbaClient, 'get'>;
  readonly store: BronzeStore;
  /** The season's progress record. */
  readonly state: RedisState;
}

/** The settings planning reads (the loaded `Config` has them all). */
export interface EnqueueSettings {
  readonly season: string;
  readonly seasonTypes: readonly SeasonType[];
  readonly endpoints: readonly GameRequestName[];
  readonly outputPrefix: string;
  readonly stateFilePrefix: string;
  readonly s3BucketName: string;
  readonly s3Endpoint?: string | undefined;
  readonly rateLimitSeconds: number;
  readonly rateLimitPerHour?: number | undefined;
  readonly checkpointIntervalSeconds: number;
}

export interface EnqueueOptions {
  readonly dryRun: boolean;
  readonly refresh: boolean;
  /** `follow`: ask only for the games since this day (`YYYY-MM-DD`) and merge them in. */
  readonly since?: string;
}

/** A game listed in the schedule that is not final yet, and why; it is left for a later run. */
export interface NotFinalGame {
  readonly gameId: string;
  readonly gameDate: string;
  readonly reason: string;
}

export interface EnqueueReport {
  readonly season: string;
  readonly gamesBySeasonType: Readonly<Record<string, { games: number; first?: string; last?: string }>>;
  /** Season types whose schedule failed; non-empty means the command exits 1. */
  readonly scheduleFailures: readonly { readonly seasonType: string; readonly message: string }[];
  readonly scheduleRequests: number;
  /** Listed games that are not final yet: none of their items is planned. */
  readonly notFinal: readonly NotFinalGame[];
  readonly jobs: Readonly<Record<string, Readonly<Record<ItemStanding, number>>>>;
  readonly enqueued: number;
  /** The items just added (empty in a dry run). */
  readonly added: readonly PlannedItem[];
  /** What a checkpoint kept and was put back after a lost Redis (a halt, a pause, a cool-down). */
  readonly restored: readonly string[];
  readonly etaSeconds: number;
  readonly dryRun: boolean;
}

/**
 * `enqueue season`: discover the schedule, write `games`, and add one job per item of every
 * final game that is neither queued nor already stored. Deterministic job ids make a repeat add
 * nothing. A game listed before it is final is not planned; the report says why.
 */
export async function enqueueSeason(
  ctx: EnqueueDeps,
  config: EnqueueSettings,
  options: EnqueueOptions,
): Promise<EnqueueReport> {
  if (!(await ctx.store.bucketExists())) {
    throw new Error(
      `S3 bucket "${config.s3BucketName}" does not exist${config.s3Endpoint ? ` at ${config.s3Endpoint}` : ''}: create it first (S3_BUCKET_NAME names it)`,
    );
  }
  // The plan's pace binds every process from now on, the planner's own schedule requests too.
  if (!options.dryRun)
    await storePlannedPace(ctx.redis, {
      intervalMs: config.rateLimitSeconds * 1000,
      perHour: config.rateLimitPerHour,
    });
  const schedule = await loadSchedule(ctx, config, options);
  const allRows = [...schedule.rowsByType.values()].flat();
  await writeGames(ctx, config, schedule.rowsByType, options, schedule.stored);
  const finality = gameFinality(scheduleGames(allRows), allRows);
  const final = finality.flatMap(({ game, finalScore }) =>
    finalScore === undefined ? [] : [{ ...game, finalScore }],
  );
  const notFinal = finality.flatMap(({ game, notFinal: reason }) =>
    reason === undefined ? [] : [{ gameId: game.gameId, gameDate: game.gameDate, reason }],
  );
  const items = planSeasonItems(config.season, final, config.endpoints);

  const standing = await itemStandings(
    {
      ...ctx,
      outputPrefix: config.outputPrefix,
      stateFilePrefix: config.stateFilePrefix,
      season: config.season,
    },
    items,
    { dryRun: options.dryRun },
  );
  const fresh = items.filter((item) => standing.get(item.id) === 'new');
  // Before the plan is recorded again: an empty plan is how a lost Redis shows.
  const restored = options.dryRun
    ? []
    : await restoreControlAfterLostRedis(ctx, {
        stateFilePrefix: config.stateFilePrefix,
        season: config.season,
      });
  if (!options.dryRun) {
    await applyGlobalRateLimit(ctx.queue, ctx.gate.intervalMs);
    // Idempotent; puts the checkpoint scheduler back after a lost Redis without a worker restart.
    await scheduleCheckpoints(ctx.maintenance, config.checkpointIntervalSeconds * 1000);
    await addPlannedSeasons(ctx.redis, [config.season]);
    await addItems(ctx.queue, fresh);
    await ctx.state.setPlanned(
      new Map(
        items.map((item) => [
          item.id,
          { request: item.data.request, gameDate: item.data.gameDate, seasonType: item.data.seasonType },
        ]),
      ),
    );
  }

  const jobs: Record<string, Record<ItemStanding, number>> = {};
  for (const item of items) {
    const row = jobs[item.data.request] ?? { new: 0, queued: 0, done: 0 };
    row[standing.get(item.id) ?? 'new']++;
    jobs[item.data.request] = row;
  }
  const gamesBySeasonType: Record<string, { games: number; first?: string; last?: string }> = {};
  for (const seasonType of SEASON_TYPES) {
    const rows = schedule.rowsByType.get(seasonType);
    if (rows === undefined) continue;
    const typeGames = scheduleGames(rows);
    gamesBySeasonType[seasonType] = {
      games: typeGames.length,
      first: typeGames[0]?.gameDate,
      last: typeGames.at(-1)?.gameDate,
    };
  }
  return {
    season: config.season,
    gamesBySeasonType,
    scheduleRequests: schedule.requests,
    scheduleFailures: schedule.failures,
    notFinal,
    jobs,
    enqueued: options.dryRun ? 0 : fresh.length,
    added: options.dryRun ? [] : fresh,
    restored,
    etaSeconds: items.filter((item) => standing.get(item.id) !== 'done').length * config.rateLimitSeconds,
    dryRun: options.dryRun,
  };
}

/** Adds items as jobs, in order and in chunks; an item whose job exists is not added twice. */
export async function addItems(queue: RequestQueue, items: readonly PlannedItem[]): Promise<void> {
  for (let start = 0; start < items.length; start += ADD_BULK_CHUNK) {
    await queue.addBulk(
      items.slice(start, start + ADD_BULK_CHUNK).map((item) => ({
        name: item.data.request,
        data: item.data,
        opts: { ...REQUEST_JOB_OPTIONS, jobId: item.id },
      })),
    );
  }
}
