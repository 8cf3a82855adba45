import type { QueueHalt } from '@repo/shared/state';
import { Gauge } from 'prom-client';
import { type MetricGroup, onFirstUse, unixSeconds } from './metric-kit.js';

/** Every cause of a self-healing halt, so `nba_backfill_halted` has a 0 for each while none. */
const HALT_CAUSES: readonly QueueHalt['cause'][] = ['blocked', 'storage'];

/**
 * The request queue's figures: jobs, pause, pace, halt, hourly budget. The queue serves every
 * season, so these repeat the same value under each season's label: a dashboard filtered on
 * `season` keeps every panel it had with one season (aggregate them with max, not sum).
 */
export const queueMetrics: MetricGroup = (registers) => {
  const jobs = new Gauge({
    name: 'nba_backfill_jobs',
    help: 'Jobs of the request queue by BullMQ state.',
    labelNames: ['queue', 'state', 'season'],
    registers,
  });
  const paused = new Gauge({
    name: 'nba_backfill_queue_paused',
    help: '1 while the request queue is paused (by a person, or by itself when the API blocks).',
    labelNames: ['queue', 'season'],
    registers,
  });
  const rateLimit = new Gauge({
    name: 'nba_backfill_rate_limit_seconds',
    help: "The spacing of NBA requests in force: the plan's RATE_LIMIT_SECONDS, or this process's own when slower.",
    labelNames: ['season'],
    registers,
  });
  const halted = new Gauge({
    name: 'nba_backfill_halted',
    help: '1 while the request queue is paused by itself for this cause (blocked API, S3 unavailable) and probes to resume.',
    labelNames: ['queue', 'cause', 'season'],
    registers,
  });
  const haltGauge = (name: string, help: string) =>
    onFirstUse(() => new Gauge({ name, help, labelNames: ['queue', 'cause', 'season'], registers }));
  const haltProbes = haltGauge(
    'nba_backfill_halt_probes',
    'Failed probes of the halt in force (only during a halt).',
  );
  const haltSince = haltGauge(
    'nba_backfill_halt_since_timestamp_seconds',
    'When the halt in force began, Unix time (only during a halt).',
  );
  const haltNextProbe = haltGauge(
    'nba_backfill_halt_next_probe_timestamp_seconds',
    'When the next probe of the halt in force goes out, Unix time (only during a halt).',
  );
  const budgetGauge = (name: string, help: string) =>
    onFirstUse(() => new Gauge({ name, help, labelNames: ['season'], registers }));
  const budgetPerHour = budgetGauge(
    'nba_backfill_budget_per_hour',
    'NBA requests allowed per rolling hour (RATE_LIMIT_PER_HOUR; only with one).',
  );
  const budgetUsed = budgetGauge(
    'nba_backfill_budget_used_last_hour',
    'NBA requests sent in the last hour, counted against the hourly budget (only with one).',
  );
  const budgetNext = budgetGauge(
    'nba_backfill_budget_next_slot_timestamp_seconds',
    'When the hourly budget next allows a request, Unix time (now or earlier when a slot is free).',
  );

  return ({ progress }) => {
    const { season } = progress;
    const queue = progress.queue.name;
    for (const [state, count] of Object.entries(progress.queue.counts))
      jobs.set({ queue, state, season }, count);
    paused.set({ queue, season }, progress.queue.paused ? 1 : 0);
    rateLimit.set({ season }, progress.queue.rateLimitSeconds);
    const halt = progress.queue.halt;
    for (const cause of HALT_CAUSES) halted.set({ queue, cause, season }, halt?.cause === cause ? 1 : 0);
    if (halt !== null) {
      const labels = { queue, cause: halt.cause, season };
      haltProbes().set(labels, halt.probes);
      haltSince().set(labels, unixSeconds(halt.since));
      haltNextProbe().set(labels, unixSeconds(halt.nextProbeAt));
    }
    const budget = progress.queue.budget;
    if (budget !== null) {
      budgetPerHour().set({ season }, budget.perHour);
      budgetUsed().set({ season }, budget.usedLastHour);
      budgetNext().set({ season }, unixSeconds(budget.nextSlotAt));
    }
  };
};
