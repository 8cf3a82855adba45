// The image's proof that NBA requests leave as a browser: impit's native binary for this
// platform loads, and one request through the product's own transport (the worker's copy of
// @repo/shared) is answered by a simulator with its edge on, which holds anything that does not
// hand over a browser's TLS handshake.
//   node transport-check.mjs https://127.0.0.1:8443/stats      (a simulator: sim with SIM_TLS_PORT, SIM_EDGE)
// Exit 0: answered 200 with the game log's JSON. Exit 1: anything else, with the reason.
// Never point it at stats.nba.com: it trusts any certificate.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TIMEOUT_MS = 10_000;
const here = dirname(fileURLToPath(import.meta.url));
const nba = join(here, 'worker', 'node_modules', '@repo', 'shared', 'dist', 'nba', 'index.js');

async function main() {
  const base = process.argv[2];
  if (!base) throw new Error('usage: node transport-check.mjs https://HOST:PORT/stats');
  const { ENDPOINTS, ImpitTransport, NBA_REQUEST_HEADERS, buildQuery, impersonatedBrowser } = await import(
    pathToFileURL(nba).href
  );
  const transport = new ImpitTransport({ insecureTls: true, timeoutMs: TIMEOUT_MS });
  // The schedule request of opening night, as the planner sends it (one day, a small answer).
  const query = buildQuery({
    ...ENDPOINTS.schedule.params({ season: '2024-25', seasonType: 'Regular Season' }),
    DateFrom: '10/22/2024',
    DateTo: '10/22/2024',
  });
  const started = performance.now();
  const answer = await transport.get(
    `${base}/leaguegamelog?${query}`,
    NBA_REQUEST_HEADERS,
    AbortSignal.timeout(TIMEOUT_MS),
  );
  const { text, wireBytes } = await answer.body();
  if (answer.status !== 200) throw new Error(`answered HTTP ${answer.status}: ${text.slice(0, 200)}`);
  const rows = JSON.parse(text).resultSets?.[0]?.rowSet?.length;
  if (typeof rows !== 'number') throw new Error(`answered 200 without a game log: ${text.slice(0, 200)}`);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `transport-check: ${impersonatedBrowser().browser} via impit, HTTP 200, ${rows} rows, ${wireBytes} bytes, ${ms} ms\n`,
  );
  await transport.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`transport-check: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
