// Used by docker/entrypoint.sh: does the compose demo profile's simulator exist on this network?
//   node demo-probe.mjs http://nba-sim:8787/__sim/health
// Exit 0: the host resolves and the URL answered 2xx (demo mode).
// Exit 3: the host does not resolve (no simulator: the real backfill).
// Exit 1: the host resolves but never answered 2xx within the wait (refuse to start rather than
//         fall back to stats.nba.com in the middle of a demo).
import { lookup } from 'node:dns/promises';

const NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'ENODATA']);
const WAIT_MS = 60_000;
const ATTEMPT_MS = 2_000;

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(ATTEMPT_MS) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

async function main() {
  const url = new URL(process.argv[2] ?? '');
  // A single-label name gets a trailing dot: looked up as is, never expanded with the host's
  // DNS search domains (where a wildcard record could make a missing simulator "exist").
  const host = url.hostname.includes('.') ? url.hostname : `${url.hostname}.`;
  try {
    await lookup(host);
  } catch (error) {
    if (NOT_FOUND.has(error?.code)) return 3;
    throw error;
  }
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (await answers(url)) return 0;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`demo-probe: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
