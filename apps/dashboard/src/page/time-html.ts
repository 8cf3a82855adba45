import { formatInstant } from './format-values.js';
import { html, type SafeHtml } from './html.js';

/** An instant as `<time>`: UTC text from the server, the reader's time zone once the script runs. */
export function renderInstant(iso: string): SafeHtml {
  return html`<time datetime="${iso}">${formatInstant(iso)}</time>`;
}
