import { createHash } from 'node:crypto';

/**
 * The page's only script: every few seconds it fetches the same page as a fragment
 * (`?season=...&fragment=1`, rendered by the same server code, so there is one renderer and all
 * escaping stays on the server) and swaps it in when it changed. It asks for the season the page
 * was rendered for (`data-season`), so it keeps the chosen one and agrees with the header, which
 * it does not refresh. It pauses while the tab is hidden and shows when the dashboard cannot be
 * reached. Times are shown in the reader's time zone.
 */
export const REFRESH_SCRIPT = `(() => {
  const live = document.getElementById('live');
  const state = document.getElementById('refresh-state');
  const every = Number(live.dataset.refreshSeconds || 5) * 1000;
  const fragmentUrl = '?' + new URLSearchParams({ season: live.dataset.season || '', fragment: '1' });
  let last = null;
  const localize = (root) => {
    for (const t of root.querySelectorAll('time[datetime]')) {
      const d = new Date(t.getAttribute('datetime'));
      if (!Number.isNaN(d.getTime())) t.textContent = d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    }
  };
  const tick = async () => {
    if (document.hidden) return;
    try {
      const res = await fetch(fragmentUrl, { cache: 'no-store', headers: { accept: 'text/html' } });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      const text = await res.text();
      if (text !== last) {
        live.innerHTML = text;
        localize(live);
        last = text;
        const title = live.querySelector('[data-title]');
        if (title) document.title = title.getAttribute('data-title');
      }
      state.textContent = 'updated ' + new Date().toLocaleTimeString();
      state.className = 'fresh';
    } catch (error) {
      state.textContent = 'cannot reach the dashboard (' + error.message + '), retrying';
      state.className = 'stale';
    }
  };
  localize(document);
  setInterval(tick, every);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) void tick(); });
})();`;

/** The script's hash for the page's Content-Security-Policy (no other script may run). */
export const REFRESH_SCRIPT_HASH = `sha256-${createHash('sha256').update(REFRESH_SCRIPT).digest('base64')}`;
