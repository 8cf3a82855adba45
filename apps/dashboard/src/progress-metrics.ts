import { ERROR_KINDS } from '@repo/shared/nba';
import type { Progress, QueueHalt } from '@repo/shared/state';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Bucket bounds of the API latency histogram, in seconds. */
export const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

const ITEM_HELP = {
  planned: 'Items planned (one NBA request each), by request type.',
  completed: 'Items done, by request type.',
  failed: 'Items failed for good (no retry follows), by request type.',
  retrying: 'Items that failed and wait for another attempt, by request type.',
  pending: 'Items planned and neither done nor failed for good, by request type.',
} as const;
const ITEM_FIELDS = Object.keys(ITEM_HELP) as (keyof typeof ITEM_HELP)[];

/** Every cause of a self-healing halt, so `nba_backfill_halted` has a 0 for each while none. */
const HALT_CAUSES: readonly QueueHalt['cause'][] = ['blocked', 'storage'];

function unixSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

/**
 * Builds a fresh prom-client registry from one progress snapshot, at scrape time (no background
 * collection). A fresh registry per scrape means a label that vanished from the state (a queue
 * state, a request type) vanishes from the output too.
 *
 * Totals kept in Redis (requests, rows, bytes, errors) are exposed as counters: they only grow,
 * unless the state is wiped, which Prometheus reads as a counter reset.
 *
 * The latency histogram is built from `latenciesMs`, the latest API latencies the workers keep
 * in Redis (at most 1000, newest first; `RedisState.getLatencies()`). The workers keep samples
 * rather than bucket counts, so it is a sliding window, not a cumulative histogram: read it with
 * `histogram_quantile(0.95, nba_backfill_api_latency_seconds_bucket)` as it is, not over `rate()`.
 */
export function buildProgressRegistry(progress: Progress, latenciesMs: readonly number[]): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ season: progress.season });
  const registers = [registry];

  const jobs = new Gauge({
    name: 'nba_backfill_jobs',
    help: 'Jobs of the request queue by BullMQ state.',
    labelNames: ['queue', 'state'],
    registers,
  });
  for (const [state, count] of Object.entries(progress.queue.counts)) {
    jobs.set({ queue: progress.queue.name, state }, count);
  }
  new Gauge({
    name: 'nba_backfill_queue_paused',
    help: '1 while the request queue is paused (by a person, or by itself when the API blocks).',
    labelNames: ['queue'],
    registers,
  }).set({ queue: progress.queue.name }, progress.queue.paused ? 1 : 0);
  new Gauge({
    name: 'nba_backfill_rate_limit_seconds',
    help: "The spacing of NBA requests in force: the plan's RATE_LIMIT_SECONDS, or this process's own when slower.",
    registers,
  }).set(progress.queue.rateLimitSeconds);

  const halt = progress.queue.halt;
  const halted = new Gauge({
    name: 'nba_backfill_halted',
    help: '1 while the request queue is paused by itself for this cause (blocked API, S3 unavailable) and probes to resume.',
    labelNames: ['queue', 'cause'],
    registers,
  });
  for (const cause of HALT_CAUSES)
    halted.set({ queue: progress.queue.name, cause }, halt?.cause === cause ? 1 : 0);
  if (halt !== null) {
    new Gauge({
      name: 'nba_backfill_halt_probes',
      help: 'Failed probes of the halt in force (only during a halt).',
      labelNames: ['queue', 'cause'],
      registers,
    }).set({ queue: progress.queue.name, cause: halt.cause }, halt.probes);
    new Gauge({
      name: 'nba_backfill_halt_since_timestamp_seconds',
      help: 'When the halt in force began, Unix time (only during a halt).',
      labelNames: ['queue', 'cause'],
      registers,
    }).set({ queue: progress.queue.name, cause: halt.cause }, unixSeconds(halt.since));
    new Gauge({
      name: 'nba_backfill_halt_next_probe_timestamp_seconds',
      help: 'When the next probe of the halt in force goes out, Unix time (only during a halt).',
      labelNames: ['queue', 'cause'],
      registers,
    }).set({ queue: progress.queue.name, cause: halt.cause }, unixSeconds(halt.nextProbeAt));
  }

  const budget = progress.queue.budget;
  if (budget !== null) {
    new Gauge({
      name: 'nba_backfill_budget_per_hour',
      help: 'NBA requests allowed per rolling hour (RATE_LIMIT_PER_HOUR; only with one).',
      registers,
    }).set(budget.perHour);
    new Gauge({
      name: 'nba_backfill_budget_used_last_hour',
      help: 'NBA requests sent in the last hour, counted against the hourly budget (only with one).',
      registers,
    }).set(budget.usedLastHour);
    new Gauge({
      name: 'nba_backfill_budget_next_slot_timestamp_seconds',
      help: 'When the hourly budget next allows a request, Unix time (now or earlier when a slot is free).',
      registers,
    }).set(unixSeconds(budget.nextSlotAt));
  }

  const items = Object.fromEntries(
    ITEM_FIELDS.map((field) => [
      field,
      new Gauge({
        name: `nba_backfill_items_${field}`,
        help: ITEM_HELP[field],
        labelNames: ['request'],
        registers,
      }),
    ]),
  ) as Record<keyof typeof ITEM_HELP, Gauge<'request'>>;
  for (const [request, counts] of Object.entries(progress.requests)) {
    for (const field of ITEM_FIELDS) items[field].set({ request }, counts[field]);
  }

  new Counter({
    name: 'nba_backfill_requests_total',
    help: 'NBA API requests that got an HTTP answer (planner and workers).',
    registers,
  }).inc(progress.totals.requests);
  const errors = new Counter({
    name: 'nba_backfill_errors_total',
    help: 'Failed attempts by error class (DESIGN §5); one item can fail several times.',
    labelNames: ['class'],
    registers,
  });
  for (const kind of ERROR_KINDS) errors.inc({ class: kind }, progress.errorsByClass[kind] ?? 0);
  new Counter({
    name: 'nba_backfill_stored_bytes_total',
    help: 'Bytes written to S3 by finished items (Parquet and raw bodies).',
    registers,
  }).inc(progress.totals.bytes);
  new Counter({
    name: 'nba_backfill_stored_rows_total',
    help: 'Parquet rows written by finished items.',
    registers,
  }).inc(progress.totals.rows);

  new Gauge({
    name: 'nba_backfill_rate_per_minute',
    help: 'Items completed per minute over the last 10 minutes.',
    registers,
  }).set(progress.ratePerMinute);
  new Gauge({
    name: 'nba_backfill_eta_seconds',
    help: 'Estimated seconds until every pending item is done.',
    registers,
  }).set(progress.etaSeconds);
  if (progress.meanQualityScore !== null) {
    new Gauge({
      name: 'nba_backfill_mean_quality_score',
      help: 'Mean quality score (0..1) of the finished items that have one.',
      registers,
    }).set(progress.meanQualityScore);
  }

  const latency = new Histogram({
    name: 'nba_backfill_api_latency_seconds',
    help: 'NBA API response time of the latest (up to 1000) answered requests: a sliding window rebuilt at each scrape.',
    buckets: [...LATENCY_BUCKETS_SECONDS],
    registers,
  });
  for (const ms of latenciesMs) latency.observe(ms / 1000);
  return registry;
}
