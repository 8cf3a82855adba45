import { verifySeason } from '@repo/shared/audit';
import { DATASET_NAMES, type DatasetName } from '@repo/shared/bronze';
import { seasonContaining } from '@repo/shared/identity';
import { enqueueSeason, rebuildSeason, retryFailed } from '@repo/shared/ingest';
import { onShutdownSignal } from '@repo/shared/lifecycle';
import { errorMessage } from '@repo/shared/log';
import { runDoctor, warnAboutRedisSettings } from '@repo/shared/wiring';
import { Command, Option } from 'commander';
import { registerCatalogCommand } from './commands/catalog.js';
import { DEFAULT_WIDTH, formatDoctorReport } from './commands/doctor.js';
import { formatEnqueueReport } from './commands/enqueue-season.js';
import { follow, formatFollow, unfollow } from './commands/follow.js';
import { formatRetryReport, pauseQueue, resumeQueue } from './commands/queue-control.js';
import { formatRebuildReport } from './commands/rebuild.js';
import { collectStatus, formatStatus } from './commands/status.js';
import { formatVerifyReport } from './commands/verify-format.js';
import {
  createPlannerContext,
  type EnvOverrides,
  forSeason,
  loadPlannerConfig,
  type PlannerContext,
  seasonsOf,
} from './context.js';
import { numberFlag, oneSeasonFlag, seasonsFlag } from './flags.js';

/** What a failed command prints: one line on stderr, with its failure class when it has one. */
function reportError(error: unknown): void {
  const message = errorMessage(error);
  const kind = (error as { kind?: unknown }).kind;
  process.stderr.write(`planner: ${typeof kind === 'string' ? `[${kind}] ` : ''}${message}\n`);
  process.exitCode = 1;
}

/**
 * Runs a command with a context built from the config, then closes it and exits, within
 * SHUTDOWN_TIMEOUT_SECONDS. SIGTERM/SIGINT let the command finish first (it is idempotent, so a
 * second signal that exits at once loses nothing that a rerun does not redo).
 */
async function withContext(
  overrides: EnvOverrides,
  run: (ctx: PlannerContext) => Promise<void>,
): Promise<void> {
  const config = loadPlannerConfig(overrides);
  const ctx = createPlannerContext(config);
  const running = run(ctx);
  ctx.releasers.add('command', () => running.catch(() => undefined));
  const shutdown = onShutdownSignal({
    log: ctx.log,
    releasers: ctx.releasers,
    timeoutSeconds: config.shutdownTimeoutSeconds,
    message: 'shutting down: finishing the command in flight',
  });
  try {
    await running;
  } catch (error) {
    reportError(error);
  }
  await shutdown('done');
}

const SEASONS_FLAG =
  'season(s): 2024-25, a list 2023-24,2024-25 or a range 2019-20..2024-25 (default: every planned season)';

const program = new Command()
  .name('planner')
  .description(
    'Plans and steers the backfill of an NBA season into the Bronze layer.\nConfiguration comes from environment variables (see the README); flags override them.',
  )
  .showHelpAfterError();

const enqueue = program.command('enqueue').description('add work to the nba-requests queue');

enqueue
  .command('season')
  .description(
    'discover the schedule (leaguegamelog per season type), write the games dataset, and enqueue the players job and one job per game and endpoint; items already queued or stored are skipped',
  )
  .option(
    '--season <seasons>',
    'season(s) to backfill, fetched in the order given: 2024-25, a list 2023-24,2024-25 or a range 2019-20..2024-25 (default: env SEASON, 2024-25)',
    seasonsFlag,
  )
  .option('--season-types <list>', 'comma-separated: "Regular Season,PlayIn,Playoffs" (env SEASON_TYPES)')
  .option('--endpoints <list>', 'comma-separated per-game requests: box-score,play-by-play (env ENDPOINTS)')
  .option('--dry-run', 'print the plan; enqueue and write nothing (env DRY_RUN)')
  .option('--refresh', 'fetch the schedule again even if it is stored under _raw/schedule/')
  .addHelpText(
    'after',
    '\nExamples:\n  pnpm planner enqueue season\n  pnpm planner enqueue season --season 2019-20..2024-25\n  pnpm planner enqueue season --season 2023-24 --season-types "Regular Season" --dry-run',
  )
  .action(
    async (flags: {
      season?: string[];
      seasonTypes?: string;
      endpoints?: string;
      dryRun?: boolean;
      refresh?: boolean;
    }) => {
      const seasons = flags.season;
      await withContext(
        {
          SEASON_TYPES: flags.seasonTypes,
          ENDPOINTS: flags.endpoints,
          DRY_RUN: flags.dryRun ? 'true' : undefined,
        },
        async (ctx) => {
          await warnAboutRedisSettings(ctx.redis, ctx.log);
          for (const [index, season] of (seasons ?? [ctx.config.season]).entries()) {
            const seasonCtx = forSeason(ctx, season);
            const report = await enqueueSeason(seasonCtx, seasonCtx.config, {
              dryRun: ctx.config.dryRun,
              refresh: flags.refresh === true,
            });
            const text = formatEnqueueReport(report, ctx.config.rateLimitSeconds);
            process.stdout.write(`${index === 0 ? '' : '\n'}${text}\n`);
            if (report.scheduleFailures.length > 0) process.exitCode = 1;
          }
        },
      );
    },
  );

program
  .command('follow')
  .description(
    'keep a season in progress current: register a scheduler (FOLLOW_CRON, US Eastern; daily at 10:00 by default) that the workers run to enqueue the games that became final and re-check box scores FOLLOW_RECHECK_DAYS after they were added; runs once now too',
  )
  .option(
    '--season <YYYY-YY>',
    "season to follow (default: the one that contains today's date)",
    oneSeasonFlag,
  )
  .option('--no-run', 'only register the scheduler; the first run is the next scheduled one')
  .addHelpText(
    'after',
    '\nExamples:\n  pnpm planner follow                      follow the current season\n  FOLLOW_CRON="30 9 * * *" pnpm planner follow --season 2026-27\n  pnpm planner unfollow --season 2026-27',
  )
  .action(async (flags: { season?: string; run: boolean }) => {
    const season = flags.season ?? seasonContaining(new Date());
    await withContext({}, async (ctx) => {
      await warnAboutRedisSettings(ctx.redis, ctx.log);
      const outcome = await follow(forSeason(ctx, season), { run: flags.run });
      process.stdout.write(`${formatFollow(outcome, ctx.config.rateLimitSeconds)}\n`);
      if ((outcome.run?.enqueue.scheduleFailures.length ?? 0) > 0) process.exitCode = 1;
    });
  });

program
  .command('unfollow')
  .description('stop following a season: remove its scheduler (what is stored stays)')
  .option('--season <YYYY-YY>', "season (default: the one that contains today's date)", oneSeasonFlag)
  .action(async (flags: { season?: string }) => {
    const season = flags.season ?? seasonContaining(new Date());
    await withContext({}, async (ctx) => {
      const removed = await unfollow(forSeason(ctx, season));
      process.stdout.write(removed ? `No longer following ${season}.\n` : `${season} was not followed.\n`);
    });
  });

program
  .command('doctor')
  .description(
    'preflight before a long backfill (and what support asks for first): checks the configuration, Redis, the queue, S3 and the NBA API, and says what to do; exit 0 when a run can start, 1 when a check FAILed',
  )
  .addOption(
    new Option('--json', 'print one JSON object with every check (and the configuration, secrets masked)'),
  )
  .addHelpText(
    'after',
    `
Checks, each one line with a status (ok, warn, FAIL; skip when a check it needs FAILed):
  config                  the configuration as loaded; secrets masked (DASHBOARD_PASSWORD, NBA_API_PROXY's
                          credentials, any password in REDIS_URL or S3_ENDPOINT)
  redis                   reachable, its version (BullMQ needs 5.0 or later)
  redis.appendonly        FAIL unless appendonly yes: a restart would lose the queue and the progress record
  redis.maxmemory-policy  FAIL unless noeviction: an evicting Redis loses jobs (CONFIG GET; when CONFIG is
                          refused, INFO's value and a warning)
  queue                   paused or running, and why (your pause, or a halt: blocked API, S3 unavailable)
  queue.pace              the interval and hourly budget stored with the plan versus this process's own
  s3.bucket               the bucket exists
  s3.probe                puts, reads back and deletes <STATE_FILE_PREFIX>/_doctor/<uuid>.txt
  nba.api                 one leaguegamelog request for one day of the season, through the request gate
                          (it waits its turn and counts against RATE_LIMIT_PER_HOUR), bounded by
                          min(NBA_API_TIMEOUT_MS, 20 s) plus the gate's wait; on no answer, the likely causes
  nba.browser             the browser the requests pass for

Exit status: 0 when no check FAILed (warnings allowed), 1 otherwise.

Examples:
  pnpm planner doctor
  pnpm planner doctor --json > doctor.json          what support asks for
  docker compose run --rm planner doctor`,
  )
  .action(async (flags: { json?: boolean }) => {
    const report = await runDoctor({ env: process.env });
    const width = process.stdout.isTTY ? process.stdout.columns : DEFAULT_WIDTH;
    const text = flags.json ? JSON.stringify(report, null, 2) : formatDoctorReport(report, width);
    // Exit once the output is written: a request the doctor gave up on must not keep it alive.
    process.stdout.write(`${text}\n`, () => process.exit(report.exitCode));
  });

program
  .command('status')
  .description('progress per request type, queue counts, errors by class and ETA, for each season')
  .option('--season <seasons>', SEASONS_FLAG, seasonsFlag)
  .addOption(
    new Option(
      '--json',
      "print the same data as JSON: the dashboard's /api/progress object, or an array of them when there are several seasons",
    ),
  )
  .action(async (flags: { season?: string[]; json?: boolean }) => {
    const given = flags.season;
    await withContext({}, async (ctx) => {
      const reports = [];
      for (const season of await seasonsOf(ctx, given))
        reports.push(await collectStatus(forSeason(ctx, season)));
      const text = flags.json
        ? JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)
        : reports.map(formatStatus).join('\n\n');
      process.stdout.write(`${text}\n`);
    });
  });

program
  .command('pause')
  .description('pause the nba-requests queue: workers finish the job in flight and take no more')
  .option('--reason <text>', 'why, shown by status and the dashboard')
  .action(async (flags: { reason?: string }) => {
    await withContext({}, async (ctx) => {
      process.stdout.write(`${await pauseQueue(ctx, flags.reason)}\n`);
    });
  });

program
  .command('resume')
  .description('resume the queue after a pause (yours, or the automatic one when the API looked blocked)')
  .action(async () => {
    await withContext({}, async (ctx) => {
      process.stdout.write(`${await resumeQueue(ctx)}\n`);
    });
  });

program
  .command('retry-failed')
  .description('put every failed job back in the queue with its attempts reset')
  .option('--season <seasons>', SEASONS_FLAG, seasonsFlag)
  .action(async (flags: { season?: string[] }) => {
    const given = flags.season;
    await withContext({}, async (ctx) => {
      const seasons = await seasonsOf(ctx, given);
      for (const season of seasons) {
        const text = formatRetryReport(await retryFailed(forSeason(ctx, season)));
        process.stdout.write(`${seasons.length === 1 ? '' : `${season}: `}${text}\n`);
      }
    });
  });

program
  .command('verify')
  .description(
    'audit S3 against the stored schedule: every game x endpoint present, every file readable with its schema, row counts plausible, quality at or above the threshold; exit 0 only when complete and clean',
  )
  .option('--season <seasons>', SEASONS_FLAG, seasonsFlag)
  .option('--endpoints <list>', 'per-game requests expected: box-score,play-by-play (env ENDPOINTS)')
  .option(
    '--min-quality <score>',
    'lowest acceptable quality score of a file',
    numberFlag('a score', 0, 1),
    0.95,
  )
  .option('--concurrency <n>', 'games read at once', numberFlag('a whole number', 1, 256), 16)
  .addOption(new Option('--json', 'print the report as JSON'))
  .action(
    async (flags: {
      season?: string[];
      endpoints?: string;
      minQuality: number;
      concurrency: number;
      json?: boolean;
    }) => {
      const given = flags.season;
      await withContext({ ENDPOINTS: flags.endpoints }, async (ctx) => {
        const reports = [];
        for (const season of await seasonsOf(ctx, given)) {
          const { config, store } = forSeason(ctx, season);
          reports.push(
            await verifySeason({ store }, config, {
              minQuality: flags.minQuality,
              concurrency: flags.concurrency,
            }),
          );
        }
        const text = flags.json
          ? JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)
          : reports.map(formatVerifyReport).join('\n\n');
        process.stdout.write(`${text}\n`);
        if (reports.some((report) => !report.ok)) process.exitCode = 1;
      });
    },
  );

program
  .command('rebuild')
  .description(
    'regenerate Parquet files from the raw bodies under _raw/ with the current parsers and schemas, without any NBA request',
  )
  .option('--season <seasons>', SEASONS_FLAG, seasonsFlag)
  .addOption(new Option('--dataset <name>', 'only this dataset (default: all)').choices([...DATASET_NAMES]))
  .option('--concurrency <n>', 'raw bodies processed at once', numberFlag('a whole number', 1, 256), 8)
  .option('--dry-run', 'parse and encode, write nothing (env DRY_RUN)')
  .action(
    async (flags: { season?: string[]; dataset?: DatasetName; concurrency: number; dryRun?: boolean }) => {
      const given = flags.season;
      await withContext({ DRY_RUN: flags.dryRun ? 'true' : undefined }, async (ctx) => {
        for (const season of await seasonsOf(ctx, given)) {
          const { config, store } = forSeason(ctx, season);
          const report = await rebuildSeason({ store }, config, {
            dataset: flags.dataset,
            dryRun: ctx.config.dryRun,
            concurrency: flags.concurrency,
          });
          process.stdout.write(`${formatRebuildReport(report)}\n`);
          if (report.problems.length > 0) process.exitCode = 1;
        }
      });
    },
  );

registerCatalogCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  reportError(error);
}
