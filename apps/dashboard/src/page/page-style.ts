/** The progress page's style sheet, inline so the page works offline (no CDN, no assets). */
export const PAGE_STYLE = `
:root {
  --bg: #f3f5f9; --card: #ffffff; --text: #0f172a; --muted: #64748b; --border: #e2e8f0;
  --navy: #17408b; --navy-dark: #0f2a5c; --red: #c9082a;
  --done: #16a34a; --failed: #dc2626; --retrying: #f59e0b; --track: #e2e8f0; --partial: #2563eb;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--text); background: var(--bg); font-size: 15px; line-height: 1.45;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--navy); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; background: #eef2f7; padding: 1px 5px; border-radius: 4px; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.top { background: linear-gradient(90deg, var(--navy-dark), var(--navy)); color: #fff; }
.top-inner { max-width: 1240px; margin: 0 auto; padding: 14px 24px; display: flex; flex-wrap: wrap; align-items: center; gap: 12px 16px; }
.brand { font-weight: 700; font-size: 18px; letter-spacing: 0.2px; display: flex; align-items: center; gap: 10px; }
.brand-mark { width: 26px; height: 26px; border-radius: 50%; background: var(--red); box-shadow: inset 0 0 0 3px #fff; }
.season-picker { display: flex; align-items: center; gap: 6px; font-size: 14px; }
.season-picker select, .season-picker button { font: inherit; font-weight: 600; color: #fff; background: rgba(255,255,255,0.16); border: 1px solid rgba(255,255,255,0.28); border-radius: 999px; padding: 2px 10px; cursor: pointer; }
.season-picker select option { color: var(--text); background: #fff; }
.season-picker select:hover, .season-picker button:hover { background: rgba(255,255,255,0.26); }
.season-picker select:focus-visible, .season-picker button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }
.top nav { margin-left: auto; display: flex; gap: 6px; }
.top nav a { color: #fff; text-decoration: none; padding: 6px 12px; border-radius: 8px; font-size: 14px; background: rgba(255,255,255,0.08); }
.top nav a:hover { background: rgba(255,255,255,0.2); }
main { max-width: 1240px; margin: 0 auto; padding: 20px 24px 8px; display: flex; flex-direction: column; gap: 16px; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 14px; padding: 18px 20px; box-shadow: 0 1px 2px rgba(15,23,42,0.04); }
.card > h2 { margin: 0 0 12px; font-size: 16px; }
h3.sub { font-size: 13px; text-transform: uppercase; letter-spacing: 0.5px; color: var(--muted); margin: 4px 0 8px; }
h3.sub + * { margin-bottom: 14px; }
.banner { display: flex; gap: 16px; align-items: flex-start; border-radius: 14px; padding: 16px 20px; border: 1px solid; }
.banner h2 { margin: 0 0 4px; font-size: 18px; }
.banner p { margin: 2px 0; }
.banner-mark { flex: none; width: 40px; height: 40px; border-radius: 50%; display: grid; place-items: center; font-weight: 800; font-size: 18px; color: #fff; }
.banner-paused { background: #fff1f2; border-color: #fda4af; }
.banner-paused .banner-mark { background: var(--failed); font-size: 13px; }
.banner-paused .reason { font-size: 16px; font-weight: 600; color: #9f1239; }
.banner-failed { background: #fff7ed; border-color: #fdba74; }
.banner-failed .banner-mark { background: #ea580c; }
.banner-done { background: #f0fdf4; border-color: #86efac; }
.banner-done .banner-mark { background: var(--done); }
.banner-idle { background: #eff6ff; border-color: #93c5fd; }
.banner-budget { background: #fefce8; border-color: #fde047; }
.banner-budget .banner-mark { background: #ca8a04; }
.banner-idle .banner-mark { background: var(--partial); }
.follow { background: var(--card); border: 1px solid var(--border); border-left: 4px solid var(--partial); border-radius: 14px; padding: 12px 18px; }
.follow p { margin: 2px 0; }
.follow-line { font-weight: 600; }
.follow-failed { border-left-color: var(--failed); }
.follow-error { color: #9f1239; font-weight: 600; }
ul.season-links { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; margin: 4px 0 0; padding: 0; }
.overall-head { display: flex; align-items: center; gap: 20px; margin-bottom: 14px; }
.big-pct { font-size: 56px; font-weight: 800; line-height: 1; letter-spacing: -1.5px; font-variant-numeric: tabular-nums; }
.big-pct span { font-size: 28px; color: var(--muted); margin-left: 2px; }
.overall-text { font-size: 16px; }
.legend-inline { color: var(--muted); font-size: 13px; margin-top: 4px; }
.key { display: inline-block; width: 10px; height: 10px; border-radius: 3px; margin: 0 4px 0 10px; vertical-align: -1px; }
.key:first-child { margin-left: 0; }
.key-done { background: var(--done); } .key-failed { background: var(--failed); }
.key-retrying { background: var(--retrying); } .key-pending { background: var(--track); }
.pill { margin-left: auto; padding: 6px 14px; border-radius: 999px; font-weight: 700; font-size: 14px; white-space: nowrap; }
.pill-running { background: #dbeafe; color: #1e40af; }
.pill-paused { background: var(--failed); color: #fff; }
.pill-done { background: #dcfce7; color: #166534; }
.pill-done-with-failures { background: #ffedd5; color: #9a3412; }
.pill-idle { background: var(--track); color: var(--muted); }
.bar { display: flex; background: var(--track); border-radius: 999px; overflow: hidden; }
.bar-large { height: 18px; }
.bar-small { height: 10px; min-width: 160px; }
.seg { display: block; height: 100%; transition: width 0.6s ease; }
.seg-done { background: var(--done); } .seg-failed { background: var(--failed); } .seg-retrying { background: var(--retrying); }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(134px, 1fr)); gap: 12px; }
.tile { background: var(--card); border: 1px solid var(--border); border-radius: 12px; padding: 12px 14px; }
.tile-label { font-size: 12px; text-transform: uppercase; letter-spacing: 0.5px; color: var(--muted); }
.tile-value { font-size: 21px; font-weight: 700; margin: 2px 0; font-variant-numeric: tabular-nums; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tile-note { font-size: 12px; color: var(--muted); }
@media (max-width: 760px) { .overall-head { flex-wrap: wrap; } .bar-small { min-width: 80px; } }
.table-wrap { overflow-x: auto; }
table.requests { width: 100%; border-collapse: collapse; }
table.requests th, table.requests td { padding: 9px 8px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: middle; }
table.requests thead th { font-size: 12px; text-transform: uppercase; letter-spacing: 0.5px; color: var(--muted); font-weight: 600; }
table.requests tbody tr:last-child th, table.requests tbody tr:last-child td { border-bottom: none; }
.req-name { font-weight: 600; }
.bar-cell { width: 46%; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bad { color: var(--failed); font-weight: 700; } .warn { color: #b45309; font-weight: 700; }
.chips { display: flex; flex-wrap: wrap; gap: 8px; }
.chip { display: inline-flex; gap: 5px; align-items: center; padding: 3px 10px; border-radius: 999px; font-size: 13px; background: #f1f5f9; color: #334155; border: 1px solid var(--border); }
.chip-client, .chip-parse { background: #fee2e2; color: #991b1b; border-color: #fecaca; }
.chip-throttled, .chip-timeout, .chip-connection { background: #fef3c7; color: #92400e; border-color: #fde68a; }
.chip-server, .chip-empty, .chip-storage { background: #ffedd5; color: #9a3412; border-color: #fed7aa; }
ul.failures { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(420px, 100%), 1fr)); gap: 8px; }
ul.failures li { min-width: 0; border: 1px solid var(--border); border-left: 4px solid var(--failed); border-radius: 8px; padding: 8px 10px; }
.failure-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.failure-head .muted { margin-left: auto; }
.failure-message { margin-top: 4px; font-size: 13px; color: #334155; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.calendar { display: flex; flex-wrap: wrap; gap: 22px 28px; }
.month { width: 196px; }
.month-head { display: flex; justify-content: space-between; align-items: baseline; margin-bottom: 4px; }
.month-head h3 { margin: 0; font-size: 14px; }
.month-head .muted { font-size: 12px; }
.weekdays, .days { display: grid; grid-template-columns: repeat(7, 24px); gap: 4px; }
.weekdays span { font-size: 10px; color: var(--muted); text-align: center; }
.day { position: relative; display: grid; place-items: center; width: 24px; height: 24px; border-radius: 5px; font-size: 10px; font-variant-numeric: tabular-nums; }
.day.pad { visibility: hidden; }
.day.off { color: #cbd5e1; border: 1px dashed #e2e8f0; }
.day.none { background: var(--track); color: #475569; }
.day.partial { background: color-mix(in srgb, var(--partial) calc(25% + var(--share, 0.5) * 60%), #eff6ff); color: #fff; }
.day.complete { background: var(--done); color: #fff; }
.day.failed { background: var(--failed); color: #fff; font-weight: 700; }
.day[data-tip] { cursor: default; outline: none; }
.day[data-tip]:hover, .day[data-tip]:focus { box-shadow: 0 0 0 2px var(--text); }
.day[data-tip]:hover::after, .day[data-tip]:focus::after {
  content: attr(data-tip); position: absolute; bottom: calc(100% + 6px); left: 0;
  background: var(--text); color: #fff; padding: 6px 9px; border-radius: 6px; white-space: nowrap;
  font-size: 12px; font-weight: 500; z-index: 5; pointer-events: none;
}
.day[data-tip-side="left"]:hover::after, .day[data-tip-side="left"]:focus::after { left: auto; right: 0; }
.legend { display: flex; flex-wrap: wrap; gap: 16px; margin-top: 16px; font-size: 13px; color: var(--muted); }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.legend i.day { width: 14px; height: 14px; border-radius: 3px; }
footer { max-width: 1240px; margin: 0 auto; padding: 8px 24px 24px; font-size: 12px; color: var(--muted); display: flex; gap: 12px; }
#refresh-state.stale { color: var(--failed); font-weight: 700; }
`;
