import { Registry } from 'prom-client';
import { followMetrics } from './metrics/follow-metrics.js';
import type { MetricGroup, SeasonSnapshot } from './metrics/metric-kit.js';
import { queueMetrics } from './metrics/queue-metrics.js';
import { itemMetrics, latencyMetrics, totalMetrics } from './metrics/season-metrics.js';

export type { SeasonSnapshot } from './metrics/metric-kit.js';
export { LATENCY_BUCKETS_SECONDS } from './metrics/season-metrics.js';

const GROUPS: readonly MetricGroup[] = [
  queueMetrics,
  itemMetrics,
  totalMetrics,
  latencyMetrics,
  followMetrics,
];

/**
 * Builds a fresh prom-client registry from one progress snapshot per planned season, at scrape
 * time (no background collection); every sample carries its `season`. A fresh registry per
 * scrape means a label that vanished from the state (a queue state, a request type, a season)
 * vanishes from the output too.
 */
export function buildProgressRegistry(snapshots: readonly SeasonSnapshot[]): Registry {
  const registry = new Registry();
  const writers = GROUPS.map((group) => group([registry]));
  for (const snapshot of snapshots) for (const write of writers) write(snapshot);
  return registry;
}
