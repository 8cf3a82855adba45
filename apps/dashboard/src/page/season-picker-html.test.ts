import { describe, expect, it } from 'vitest';
import { renderSeasonErrorPage } from './season-error-html.js';
import { renderSeasonPicker } from './season-picker-html.js';

describe('the season picker', () => {
  it('lists every planned season, the shown one selected, in a GET form back to the page', () => {
    expect(renderSeasonPicker(['2023-24', '2024-25'], '2023-24').value).toBe(
      '<form class="season-picker" method="get" action="./" data-testid="season-picker">\n' +
        '  <label for="season-select">Season</label>\n' +
        '  <select id="season-select" name="season"><option value="2023-24" selected>2023-24</option><option value="2024-25">2024-25</option></select>\n' +
        '  <button type="submit">Show</button>\n' +
        '</form>',
    );
  });

  it('shows just the one season when one is planned, and escapes what it is given', () => {
    expect(renderSeasonPicker(['2024-25'], '2024-25').value).toContain(
      '<select id="season-select" name="season"><option value="2024-25" selected>2024-25</option></select>',
    );
    expect(renderSeasonPicker(['"><script>'], '').value).toContain(
      '<option value="&quot;&gt;&lt;script&gt;">&quot;&gt;&lt;script&gt;</option>',
    );
  });
});

describe('the page for a season it cannot show', () => {
  it('gives the reason as text, and the picker and a link to each planned season', () => {
    const page = renderSeasonErrorPage('season: expected YYYY-YY (e.g. 2024-25), got "<b>"', [
      '2023-24',
      '2024-25',
    ]);
    expect(page).toContain(
      '<p data-testid="season-error">season: expected YYYY-YY (e.g. 2024-25), got &quot;&lt;b&gt;&quot;</p>',
    );
    expect(page).toContain(
      '<li><a href="./?season=2023-24">2023-24</a></li><li><a href="./?season=2024-25">2024-25</a></li>',
    );
    expect(page).toContain('<option value="2024-25">2024-25</option>');
    expect(page).not.toContain('<script');
  });
});
