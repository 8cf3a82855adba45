import { loadSchedule, writeGames } from '@repo/shared/ingest';
import {
  type GameRequestName,
  REQUEST_NAMES,
  type RequestName,
  SEASON_TYPES,
  scheduleGames,
} from '@repo/shared/nba';
import {
  applyGlobalRateLimit,
  REQUEST_JOB_OPTIONS,
  scheduleCheckpoints,
  storePlannedPace,
} from '@repo/shared/queue';
import { type ItemStanding, itemStandings, planSeasonItems } from '@repo/shared/state';
import type { PlannerContext } from '../context.js';
import { formatDuration, table } from '../format.js';

const ADD_BULK_CHUNK = 500;

export interface EnqueueOptions {
  readonly dryRun: boolean;
  readonly refresh: boolean;
}

export interface EnqueueReport {
  readonly season: string;
  readonly gamesBySeasonType: Readonly<Record<string, { games: number; first?: string; last?: string }>>;
  /** Season types whose schedule failed; non-empty means the command exits 1. */
  readonly scheduleFailures: readonly { readonly seasonType: string; readonly message: string }[];
  readonly scheduleRequests: number;
  readonly jobs: Readonly<Record<string, Readonly<Record<ItemStanding, number>>>>;
  readonly enqueued: number;
  readonly etaSeconds: number;
  readonly dryRun: boolean;
}

/**
 * `enqueue season`: discover the schedule, write `games`, and add one job per item that is
 * neither queued nor already stored. Deterministic job ids make a repeat add nothing.
 */
export async function enqueueSeason(ctx: PlannerContext, options: EnqueueOptions): Promise<EnqueueReport> {
  const { config } = ctx;
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
  await writeGames(ctx, config, schedule.rowsByType, options);
  const games = scheduleGames(allRows);
  const items = planSeasonItems(config.season, games, config.endpoints as GameRequestName[]);

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
  if (!options.dryRun) {
    await applyGlobalRateLimit(ctx.queue, ctx.gate.intervalMs);
    // Idempotent; puts the checkpoint scheduler back after a lost Redis without a worker restart.
    await scheduleCheckpoints(ctx.maintenance, config.season, config.checkpointIntervalSeconds * 1000);
    for (let start = 0; start < fresh.length; start += ADD_BULK_CHUNK) {
      await ctx.queue.addBulk(
        fresh.slice(start, start + ADD_BULK_CHUNK).map((item) => ({
          name: item.data.request,
          data: item.data,
          opts: { ...REQUEST_JOB_OPTIONS, jobId: item.id },
        })),
      );
    }
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
    jobs,
    enqueued: options.dryRun ? 0 : fresh.length,
    etaSeconds: items.filter((item) => standing.get(item.id) !== 'done').length * config.rateLimitSeconds,
    dryRun: options.dryRun,
  };
}

/** The plan, one screen. */
export function formatEnqueueReport(report: EnqueueReport, rateLimitSeconds: number): string {
  const lines: string[] = [];
  lines.push(
    `Season ${report.season}: schedule from leaguegamelog (${report.scheduleRequests} NBA request(s) this run)`,
  );
  lines.push(
    table(
      Object.entries(report.gamesBySeasonType).map(([seasonType, t]) => [
        `  ${seasonType}`,
        `${t.games} games`,
        t.first === undefined ? '' : `${t.first} .. ${t.last}`,
      ]),
    ),
  );
  for (const failure of report.scheduleFailures) {
    lines.push(`  ${failure.seasonType}: schedule FAILED, its games are not planned: ${failure.message}`);
  }
  lines.push('');
  const order = REQUEST_NAMES.filter((name: RequestName) => report.jobs[name] !== undefined);
  const rows: (string | number)[][] = [['  jobs', 'total', 'new', 'queued', 'done']];
  let totals = { total: 0, new: 0, queued: 0, done: 0 };
  for (const request of order) {
    const j = report.jobs[request] ?? { new: 0, queued: 0, done: 0 };
    const total = j.new + j.queued + j.done;
    totals = {
      total: totals.total + total,
      new: totals.new + j.new,
      queued: totals.queued + j.queued,
      done: totals.done + j.done,
    };
    rows.push([`  ${request}`, total, j.new, j.queued, j.done]);
  }
  rows.push(['  all', totals.total, totals.new, totals.queued, totals.done]);
  lines.push(table(rows));
  lines.push('');
  const eta = `${formatDuration(report.etaSeconds)} at 1 request / ${rateLimitSeconds} s`;
  lines.push(
    report.dryRun
      ? `Dry run: nothing enqueued. ${totals.new} job(s) would be added; ETA ${eta}.`
      : `Enqueued ${report.enqueued} new job(s)${report.enqueued === 0 ? ' (nothing to do)' : ''}; ETA ${eta}.`,
  );
  return lines.join('\n');
}
