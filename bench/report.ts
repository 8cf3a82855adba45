import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/helpers/processes.js';
import type { ScenarioResult } from './lib/scenario.js';

interface ResultsFile {
  readonly time: string;
  /** The commit measured (`abc1234 with 3 changed files`); absent in files before 2026-12-01. */
  readonly code?: string;
  readonly machine: Record<string, string | number>;
  readonly results: readonly ScenarioResult[];
}

/** When, and on which code, one scenario's figures were measured. */
interface Measured {
  readonly time: string;
  readonly code?: string | undefined;
}

const measuredText = (m: Measured) => `Measured ${m.time}${m.code === undefined ? '' : ` on ${m.code}`}.`;

/**
 * The markdown tables of one results file; with `measured`, the results come from several files
 * and each section says when it was measured.
 */
export function formatResults(file: ResultsFile, measured?: ReadonlyMap<string, Measured>): string {
  const lines: string[] = [];
  const machine = Object.entries(file.machine)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  lines.push(
    measured === undefined
      ? `${measuredText(file)} Machine: ${machine}.`
      : `The latest figures of every scenario, each section with the time it was measured (figures of different runs compare only as far as the host allows, see above). Latest machine: ${machine}.`,
    '',
  );
  lines.push('| scenario | goal | met |', '|---|---|---|');
  for (const r of file.results)
    for (const g of r.goals) lines.push(`| ${r.name} | ${g.goal} | ${g.met ? 'yes' : '**no**'} |`);
  for (const r of file.results) {
    const when = measured?.get(r.name);
    lines.push('', `### ${r.name}`, '', r.description, '');
    if (when !== undefined) lines.push(measuredText(when), '');
    lines.push('| metric | value |', '|---|---|');
    for (const [k, v] of Object.entries(r.metrics)) lines.push(`| ${k} | ${v} |`);
  }
  return lines.join('\n');
}

/**
 * The limiter's promise and what its scenarios measure (issue 10), with the one-off experiments
 * behind "where the time goes" (traces and runs with one mechanism taken out, not results files).
 */
const LIMITER_NOTE = `## The limiter: spacing counts from the send

The promise (ADR 0001) is made, and measured, at the client: no two NBA requests, from any
process, leave closer than \`RATE_LIMIT_SECONDS\`, and at most one is in flight. A grant in Redis
takes the in-flight slot; the client stamps the send on Redis's clock in the tick it hands the
request to the transport (impit since issue 11; the figures of the experiments below were taken
with undici, which was stamped at the socket write), and frees the slot at the answer's first byte. The next grant is the later
of the last send + interval and a free slot. Every worker appends its send stamps to
\`NBA_SEND_LOG_FILE\`, and the limiter scenarios read both series: \`send_*\` from those stamps,
\`arrival_*\` from the simulator's log. Utilization = (requests - 1) x interval / span, over the
requests after the warm-up. The goals: utilization from the send stamps >= 0.99, from the
arrivals >= 0.98, and no send gap under the interval.

**Why the old design cost one response time per request.** Until issue 10 the gate was held
until the answer's first byte and the interval counted from there: every gap was the interval
plus the whole time from the send to the first byte, that is the server's response time and a
round trip. With the simulator answering from its cache that was about 2 ms, 2 % of 0.1 s;
stats.nba.com answers in 0.2 to 2 s, 4 to 40 % on top of its 5 s. \`limiter-slow-answers\` shows it:
at 0.5 s with every answer 200 ms after its arrival, the old gate (commit a9a698a, the same
scenario, 2026-12-01) gave a median gap of 704.2 ms, utilization 0.709. Counted from the send, the
answer is in before the next slot opens and the gaps are the interval (the table below). An
answer slower than the interval still holds the next request back: one in flight at a time.

**Arrival gaps equal send gaps within jitter.** On loopback a request reaches the simulator a
fraction of a millisecond after its send stamp (\`send_to_arrival_median_ms\`). The tail of that
delay is the receiver's: the simulator runs in the benchmark's own process and stamps a request
only when its event loop, and a CPU, get to it (\`sim_event_loop_delay_*\`, \`host_cpu_busy_share\`).
A late stamp shortens the next arrival gap, so arrival gaps can fall under the interval while the
send gaps never do: that is the measurement's jitter, and why the arrivals' goal is on
utilization, not on the smallest gap. Against the real API network jitter plays that part, a few
milliseconds in 5 s.

**Where the time goes at 0.1 s.** Each request costs about 1 to 3 ms beyond the interval, and
that is 1 to 3 % of 0.1 s; at 0.5 s and 1 s the same cost leaves both goals met. How much it is
depends on the host more than on the code: \`limiter\` gave a send utilization of 0.9545 with the
host's CPU 96 % busy (results file 2026-12-01T21-14-14-269Z, c1e27e6) and 0.989 at 64 %
(2026-12-01T21-27-12-763Z, aab45f7, the table below); other sessions' tests shared the 2 cores
throughout. One-off experiments on c1e27e6, 600 sends at 0.1 s, 3 workers x concurrency 2:

| experiment | send utilization | what it shows |
|---|---|---|
| Redis \`MONITOR\` of the gate's commands (which slows Redis a little), host CPU 78 % | 0.969 | 3.15 ms per request beyond the interval: 1.33 ms from the slot opening to the grant (median 0.27, p99 16.8: the waiter's timer or its process waiting for a CPU) and 1.82 ms from the grant to the send stamp (median 0.93, p99 18.1: undici building and writing the request, the transport); 18 asks per grant |
| BullMQ's global rate limit kept / removed mid-run (\`removeGlobalRateLimit\`) | 0.980, 0.959 / 0.978, 0.980 | no effect: in 597 to 599 of 599 gaps the next job had started before the slot opened (with the limit, a median 180 to 250 ms before), so BullMQ's limit never held the gate back |
| the gate alone: 3 processes x 2 loops of grant, stamp on the next tick, 1 ms, release (no HTTP, no jobs) | 0.9927 | the acquire loop is 0.44 ms per request on average when its processes get a CPU |

The transport's share, from the grant to the write, is the larger one (see the last paragraph).
Before the send stamp moved to the write (e8245e9, stamped at the grant, a cheaper request)
BullMQ's limit did bind at times: in 38 of 599 gaps the job started after the slot had opened
(19 % of the time lost), and one run without the limit gave 0.988 against 0.923 and 0.969 with
it. Once the transport is cheaper, a BullMQ duration a little under the gate's interval (say 0.9
of it) keeps BullMQ from pacing the requests while it still keeps all but the workers' slots of
jobs waiting in the queue.

The transport's cost per request is measured on its own in the \`transport\` scenario below.`;

/** What the browser-grade transport (ADR 0009) costs, from the \`transport\` scenario. */
const TRANSPORT_NOTE = `## The transport: a browser's handshake, and what it costs

Since issue 11 every NBA request goes through impit impersonating Chrome 151 (its TLS ClientHello,
HTTP/2 settings and headers), because stats.nba.com's bot check never answers Node's own TLS
(ADR 0009). Every benchmark and integration test reaches the simulator the same way: over HTTPS,
through its edge, which holds anything that is not a browser's handshake. The \`transport\`
scenario times the product's impit transport against a plain undici request for the same
218 KiB play-by-play answer, sequentially on one connection, with the simulator in a process of
its own so the CPU counted is the client's. impit took about 6 to 7 ms more per request and 5 to 6
ms more CPU (in its own Rust threads, not on the event loop); almost all of it is its gzip decoding:
the same answer uncompressed came back in 3.1 ms instead of 7.6 (a one-off run on cf4aaa5). At
one request per 5 s that is about 0.15 % of an interval. Asking for an uncompressed body would
save it and would contradict the browser's \`Accept-Encoding\`, which the bot check can see.

Through impit the send stamp is taken at the hand-over, not at the socket write: a request on a
new connection leaves after its TCP and TLS handshake, so an arrival gap after such a request can
be shorter than the send gap by that handshake (ADR 0001). The limiter scenarios' \`arrival_*\`
figures include it, and the simulator's own event-loop delay, as before.`;

/** How far one machine type varies; compare figures within one results file. */
const MACHINE_NOTE = `## Same code, different hosts

The build machines are VMs with 2 cores that share their host, and their speed varies more than
any change measured here. Session 1's VM (2026-11-26 13:58) ran three times within noise:
capacity 57.1 jobs/s, rebuild 44 s, enqueue 0.96 s, our Parquet writer 109k rows/s. On the next
VM, runs between 15:01 and 15:44 gave capacity 37.5 to 50.9 jobs/s, rebuild 59 to 83 s, enqueue
1.5 to 2.2 s, and our Parquet writer 59k to 81k rows/s, getting slower through the hour. The
Parquet writers scenario is pure CPU on fixed rows, with no code of ours changed, so it measures
the host: by it, that VM ran 25 to 45 % slower. A plain JavaScript loop there varied from 623 to
809 ms between consecutive runs. Compare figures within one results file, and read a missed
capacity, rebuild or enqueue goal together with the Parquet writers' figure of the same run.`;

/** Where the workers' CPU goes, from \`pnpm bench --only capacity,rebuild --cpu-prof\`. */
const PROFILE_NOTE = `## Where the CPU goes

\`pnpm bench --only capacity,rebuild --cpu-prof\` writes a V8 profile of every worker and planner
process (the figures of a profiled run are not recorded), and \`bench/profile-summary.ts\` sums
self time by package and by function. Two costs it found in our code are fixed:

- A waiter that found the gate held asked Redis again at once. With the capacity run's 1 ms
  interval that spin took 10 % of the workers' CPU; it now waits at least 1 ms (3.7 % left).
- The API-to-rows parsers worked out, for every row, which column comes from which part of the
  JSON, and built an error location string per action. That is now done once per column list, and
  the location only on error: a 560-action play-by-play parses in 3.5 ms instead of 15 ms.

What remains, for the capacity run: \`writeParquet\` is about a quarter of the workers' CPU, almost
all inside parquetjs-lite, and half of that is its Thrift serialization of page headers and column
metadata, a fixed cost per column that dominates the small box-score files. The next step would be
a writer with cheaper metadata (hyparquet-writer, compared below), a change of dependency left for
its own issue. The AWS SDK (about 7 %), gzip of the raw bodies (about 5 %) and garbage collection
(about 6 %) follow.`;

/**
 * Regenerates docs/PERFORMANCE.md from the newest results file, merging scenarios run
 * separately (`--only`) so the page always shows the latest figure of every scenario.
 */
export async function writePerformanceDoc(): Promise<string> {
  const folder = join(REPO_ROOT, 'bench', 'results');
  const names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  const latest = new Map<string, ScenarioResult>();
  const measured = new Map<string, Measured>();
  let newest: ResultsFile | undefined;
  for (const name of names) {
    const file = JSON.parse(await readFile(join(folder, name), 'utf8')) as ResultsFile;
    newest = file;
    for (const r of file.results) {
      latest.set(r.name, r);
      measured.set(r.name, { time: file.time, code: file.code });
    }
  }
  if (newest === undefined) throw new Error('no results in bench/results/: run `pnpm bench` first');
  const merged: ResultsFile = { ...newest, results: [...latest.values()] };
  const body = formatResults(merged, measured);
  const doc = `# Performance

Generated by \`pnpm bench\` (bench/run.ts) from the latest results in \`bench/results/\`; do not
edit by hand. Each scenario runs against real Redis, a real S3 server (radosgw) and the simulator on
loopback, with the apps run from their build.

The physical limit of a real run is the rate limit: about 2,645 requests (1,322 games x 2 endpoints,
plus the schedule and players) at 5 s each is 3 h 40 min. The product's own work must stay far below
that, and the limiter must not waste the interval.

${LIMITER_NOTE}

${TRANSPORT_NOTE}

${MACHINE_NOTE}

${PROFILE_NOTE}

${body}
`;
  await writeFile(join(REPO_ROOT, 'docs', 'PERFORMANCE.md'), doc);
  return body;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${await writePerformanceDoc()}\n`);
}
