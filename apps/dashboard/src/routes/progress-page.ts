import type { RequestHandler } from 'express';
import { renderProgressFragment, renderProgressPage } from '../page/progress-page-html.js';
import { REFRESH_SCRIPT_HASH } from '../page/refresh-script.js';
import { renderSeasonErrorPage } from '../page/season-error-html.js';
import type { ProgressSource } from '../progress-source.js';

// Only the page's own inline script may run, and it may only talk back to this server; the
// season picker's form may only go to this server too.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src '${REFRESH_SCRIPT_HASH}'`,
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `/[?season=YYYY-YY]`: the progress page of one season; `&fragment=1` is the part its script
 * refreshes. A malformed season answers 400, one not planned 404, each with a page naming the
 * planned ones (the fragment: the reason as text, which the script shows as "cannot reach").
 */
export function createProgressPageRoute(
  source: ProgressSource,
  options: { readonly readOnly: boolean },
): RequestHandler {
  return async (req, res) => {
    res
      .set('Cache-Control', 'no-store')
      .set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      .set('X-Content-Type-Options', 'nosniff');
    const fragment = req.query.fragment === '1';
    const choice = await source.choose(req.query.season);
    if (!choice.ok) {
      res.status(choice.status);
      if (fragment) res.type('text/plain; charset=utf-8').send(choice.error);
      else
        res
          .type('text/html; charset=utf-8')
          .send(renderSeasonErrorPage(choice.error, await source.seasons()));
      return;
    }
    const progress = await source.progress(choice.season);
    res.set('Content-Type', 'text/html; charset=utf-8');
    res.send(fragment ? renderProgressFragment(progress, options) : renderProgressPage(progress, options));
  };
}
