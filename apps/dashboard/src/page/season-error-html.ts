import { html, trustedHtml } from './html.js';
import { PAGE_STYLE } from './page-style.js';
import { renderSeasonPicker } from './season-picker-html.js';

/**
 * The page for a `?season=` that is malformed or not planned: the reason, and a way on to each
 * planned season (the picker, and plain links).
 */
export function renderSeasonErrorPage(error: string, seasons: readonly string[]): string {
  const links = seasons.map(
    (season) => html`<li><a href="./?season=${encodeURIComponent(season)}">${season}</a></li>`,
  );
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>No such season · NBA backfill</title>
<style>${trustedHtml(PAGE_STYLE)}</style>
</head>
<body>
<header class="top"><div class="top-inner">
  <div class="brand"><span class="brand-mark"></span>NBA season backfill</div>
  ${renderSeasonPicker(seasons, '')}
  <nav><a href="./queues">Queues</a><a href="./metrics">Metrics</a></nav>
</div></header>
<main>
<section class="banner banner-failed" role="alert" data-status="no-season">
  <div class="banner-mark">?</div>
  <div><h2>No such season</h2><p data-testid="season-error">${error}</p><p>Planned seasons:</p><ul class="season-links">${links}</ul></div>
</section>
</main>
</body>
</html>
`.value;
}
