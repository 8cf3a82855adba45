import { ERROR_KINDS } from '@repo/shared/nba';
import { Counter, Gauge, Histogram } from 'prom-client';
import { type MetricGroup, onFirstUse } from './metric-kit.js';

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

/** Items per request type, by how they stand. */
export const itemMetrics: MetricGroup = (registers) => {
  const gauges = ITEM_FIELDS.map(
    (field) =>
      [
        field,
        new Gauge({
          name: `nba_backfill_items_${field}`,
          help: ITEM_HELP[field],
          labelNames: ['request', 'season'],
          registers,
        }),
      ] as const,
  );
  return ({ progress }) => {
    for (const [request, counts] of Object.entries(progress.requests)) {
      for (const [field, gauge] of gauges) gauge.set({ request, season: progress.season }, counts[field]);
    }
  };
};

/**
 * The season's totals kept in Redis (requests, errors, bytes, rows) as counters: they only grow,
 * unless the state is wiped, which Prometheus reads as a counter reset. Then rate, ETA, quality.
 */
export const totalMetrics: MetricGroup = (registers) => {
  const counter = (name: string, help: string, labelNames: string[] = []) =>
    new Counter({ name, help, labelNames: [...labelNames, 'season'], registers });
  const requests = counter(
    'nba_backfill_requests_total',
    'NBA API requests that got an HTTP answer (planner and workers).',
  );
  const errors = counter(
    'nba_backfill_errors_total',
    'Failed attempts by error class (DESIGN §5); one item can fail several times.',
    ['class'],
  );
  const bytes = counter(
    'nba_backfill_stored_bytes_total',
    'Bytes written to S3 by finished items (Parquet and raw bodies).',
  );
  const rows = counter('nba_backfill_stored_rows_total', 'Parquet rows written by finished items.');
  const gauge = (name: string, help: string) => new Gauge({ name, help, labelNames: ['season'], registers });
  const rate = gauge('nba_backfill_rate_per_minute', 'Items completed per minute over the last 10 minutes.');
  const eta = gauge('nba_backfill_eta_seconds', 'Estimated seconds until every pending item is done.');
  const quality = onFirstUse(() =>
    gauge(
      'nba_backfill_mean_quality_score',
      'Mean quality score (0..1) of the finished items that have one.',
    ),
  );
  return ({ progress }) => {
    const { season } = progress;
    requests.inc({ season }, progress.totals.requests);
    for (const kind of ERROR_KINDS) errors.inc({ class: kind, season }, progress.errorsByClass[kind] ?? 0);
    bytes.inc({ season }, progress.totals.bytes);
    rows.inc({ season }, progress.totals.rows);
    rate.set({ season }, progress.ratePerMinute);
    eta.set({ season }, progress.etaSeconds);
    if (progress.meanQualityScore !== null) quality().set({ season }, progress.meanQualityScore);
  };
};

/**
 * The API latency histogram, built from the season's latest latencies the workers keep in Redis
 * (at most 1000). Samples, not bucket counts: a sliding window, not a cumulative histogram, so
 * read it with `histogram_quantile(0.95, nba_backfill_api_latency_seconds_bucket)` as it is,
 * not over `rate()`.
 */
export const latencyMetrics: MetricGroup = (registers) => {
  const latency = new Histogram({
    name: 'nba_backfill_api_latency_seconds',
    help: 'NBA API response time of the latest (up to 1000) answered requests: a sliding window rebuilt at each scrape.',
    buckets: [...LATENCY_BUCKETS_SECONDS],
    labelNames: ['season'],
    registers,
  });
  return ({ progress, latenciesMs }) => {
    // zero() writes the season's buckets even before its first answer, as one season did.
    latency.zero({ season: progress.season });
    for (const ms of latenciesMs) latency.observe({ season: progress.season }, ms / 1000);
  };
};
