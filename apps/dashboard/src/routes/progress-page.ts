import type { Progress } from '@repo/shared/state';
import type { RequestHandler } from 'express';
import { renderProgressFragment, renderProgressPage } from '../page/progress-page-html.js';
import { REFRESH_SCRIPT_HASH } from '../page/refresh-script.js';

// Only the page's own inline script may run, and it may only talk back to this server.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src '${REFRESH_SCRIPT_HASH}'`,
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `/`: the progress page; `/?fragment=1` is the part its script refreshes. */
export function createProgressPageRoute(
  readProgress: () => Promise<Progress>,
  options: { readonly readOnly: boolean },
): RequestHandler {
  return async (req, res) => {
    const progress = await readProgress();
    res
      .set('Content-Type', 'text/html; charset=utf-8')
      .set('Cache-Control', 'no-store')
      .set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      .set('X-Content-Type-Options', 'nosniff');
    const fragment = req.query.fragment === '1';
    res.send(fragment ? renderProgressFragment(progress, options) : renderProgressPage(progress, options));
  };
}
