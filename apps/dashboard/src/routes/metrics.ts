import type { Progress } from '@repo/shared/state';
import type { RequestHandler } from 'express';
import { buildProgressRegistry } from '../progress-metrics.js';

/** `/metrics`: Prometheus text, collected when scraped (see progress-metrics.ts). */
export function createMetricsRoute(
  readProgress: () => Promise<Progress>,
  readLatencies: () => Promise<readonly number[]>,
): RequestHandler {
  return async (_req, res) => {
    const [progress, latencies] = await Promise.all([readProgress(), readLatencies()]);
    const registry = buildProgressRegistry(progress, latencies);
    const text = await registry.metrics();
    // setHeader and end, not set and send: express would rewrite the type's parameters.
    res.setHeader('Content-Type', registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.end(text);
  };
}
