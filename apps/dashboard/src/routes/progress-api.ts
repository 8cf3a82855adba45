import type { RequestHandler } from 'express';
import type { ProgressSource } from '../progress-source.js';

/**
 * `/api/progress[?season=YYYY-YY]`: one season's progress object, exactly as `planner status
 * --json` prints it; 400 for a malformed season, 404 for one that is not planned.
 */
export function createProgressApiRoute(source: ProgressSource): RequestHandler {
  return async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const choice = await source.choose(req.query.season);
    if (!choice.ok) {
      res.status(choice.status).json({ error: choice.error });
      return;
    }
    res.json(await source.progress(choice.season));
  };
}
