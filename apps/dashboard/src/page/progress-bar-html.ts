import type { RequestProgress } from '@repo/shared/state';
import { percentDone, widthOf } from './format-values.js';
import { html, type SafeHtml } from './html.js';

/** A bar with done, failed and retrying segments over the pending track. */
export function renderProgressBar(
  progress: RequestProgress,
  label: string,
  size: 'large' | 'small',
): SafeHtml {
  const { planned, completed, failed, retrying } = progress;
  const pct = percentDone(completed, planned);
  return html`<div class="bar bar-${size}" role="progressbar" aria-label="${label}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${pct}" data-done="${completed}" data-planned="${planned}">
  <span class="seg seg-done" style="width:${widthOf(completed, planned)}"></span><span class="seg seg-failed" style="width:${widthOf(failed, planned)}"></span><span class="seg seg-retrying" style="width:${widthOf(retrying, planned)}"></span>
</div>`;
}
