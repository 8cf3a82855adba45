import { html, type SafeHtml } from './html.js';

/**
 * The season picker: a GET form, so it works without script and by keyboard alone (Tab to the
 * list, arrows to a season, Tab and Enter on Show), and a keyboard user is never sent away by
 * merely moving through the list. Its action is `./`: the page it sits on, `/?season=...`.
 */
export function renderSeasonPicker(seasons: readonly string[], current: string): SafeHtml {
  const options = seasons.map(
    (season) =>
      html`<option value="${season}"${season === current ? html` selected` : ''}>${season}</option>`,
  );
  return html`<form class="season-picker" method="get" action="./" data-testid="season-picker">
  <label for="season-select">Season</label>
  <select id="season-select" name="season">${options}</select>
  <button type="submit">Show</button>
</form>`;
}
