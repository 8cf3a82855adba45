import type { RequestHandler } from 'express';
import { buildProgressRegistry } from '../progress-metrics.js';
import type { ProgressSource } from '../progress-source.js';

/** `/metrics`: Prometheus text of every planned season, collected when scraped (see progress-metrics.ts). */
export function createMetricsRoute(source: ProgressSource): RequestHandler {
  return async (_req, res) => {
    const seasons = await source.seasons();
    const snapshots = await Promise.all(
      seasons.map(async (season) => {
        const [progress, latenciesMs] = await Promise.all([
          source.progress(season),
          source.latencies(season),
        ]);
        return { progress, latenciesMs };
      }),
    );
    const registry = buildProgressRegistry(snapshots);
    const text = await registry.metrics();
    // setHeader and end, not set and send: express would rewrite the type's parameters.
    res.setHeader('Content-Type', registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.end(text);
  };
}
