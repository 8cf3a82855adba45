import type { Progress } from '@repo/shared/state';
import type { RequestHandler } from 'express';

/** `/api/progress`: the progress object, exactly as `planner status --json` prints it. */
export function createProgressApiRoute(readProgress: () => Promise<Progress>): RequestHandler {
  return async (_req, res) => {
    const progress = await readProgress();
    res.set('Cache-Control', 'no-store').json(progress);
  };
}
