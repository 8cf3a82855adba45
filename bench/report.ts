import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/helpers/processes.js';
import type { ScenarioResult } from './lib/scenario.js';

interface ResultsFile {
  readonly time: string;
  readonly machine: Record<string, string | number>;
  readonly results: readonly ScenarioResult[];
}

/** The markdown tables of one results file. */
export function formatResults(file: ResultsFile): string {
  const lines: string[] = [];
  lines.push(
    `Measured ${file.time} on ${Object.entries(file.machine)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
  );
  lines.push('| scenario | goal | met |', '|---|---|---|');
  for (const r of file.results)
    for (const g of r.goals) lines.push(`| ${r.name} | ${g.goal} | ${g.met ? 'yes' : '**no**'} |`);
  for (const r of file.results) {
    lines.push('', `### ${r.name}`, '', r.description, '', '| metric | value |', '|---|---|');
    for (const [k, v] of Object.entries(r.metrics)) lines.push(`| ${k} | ${v} |`);
  }
  return lines.join('\n');
}

/**
 * Why `limiter` misses utilization 0.99 at 0.1 s; from a one-off trace of every request (client
 * timestamps written next to the simulator's arrival log), not from a results file.
 */
const LIMITER_NOTE = `## The limiter's cost per request

The gate is released at the first byte of the answer, and the next request leaves one interval
after that: a server answers only what it has received, so the gaps it sees never fall below the
interval, whatever the load. The price is one round trip per request. A trace of 600 requests at
0.1 s (3 workers, 2 cores, 2026-11-26) split the median gap of 102.4 ms into:

| step | median |
|---|---|
| slot to the request's headers on the socket (undici builds the request and lets the idle keep-alive socket be checked for one event-loop turn) | 0.46 ms |
| socket to the simulator's arrival log (loopback, the simulator's HTTP parsing) | 0.52 ms |
| arrival to the first byte read by the client (the simulator answers from its cache) | 1.00 ms |
| first byte to the next slot, beyond the interval (release round trip, the waiter's polling) | 0.38 ms |

Only the first and last rows are ours, 0.84 ms; the middle 1.5 ms is the server's round trip
under load, which alone takes 1.5 % of a 0.1 s interval. Two variants were measured and not kept:

- Granting a slot 5 ms ahead and waiting for it on the process's own clock: median gap 102.2 to
  102.4 ms, no better.
- Spacing from the moment the headers are written instead of from the first byte: utilization
  0.987, but the simulator saw gaps down to 75 ms, because under load its own arrival can be up
  to 33 ms late. It would break the minimum-gap goal and the promise it stands for.

The cost is fixed in milliseconds for a given server, so it shrinks as the interval grows:
\`limiter-1s\` meets both goals with about 6 ms per request. Against stats.nba.com the round trip
is its response time, which cannot be measured here: each request then costs that time on top of
the 5 s (a 250 ms answer would make a run 5 % longer than the limit).`;

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
  let newest: ResultsFile | undefined;
  for (const name of names) {
    const file = JSON.parse(await readFile(join(folder, name), 'utf8')) as ResultsFile;
    newest = file;
    for (const r of file.results) latest.set(r.name, r);
  }
  if (newest === undefined) throw new Error('no results in bench/results/: run `pnpm bench` first');
  const merged: ResultsFile = { ...newest, results: [...latest.values()] };
  const body = formatResults(merged);
  const doc = `# Performance

Generated by \`pnpm bench\` (bench/run.ts) from the latest results in \`bench/results/\`; do not
edit by hand. Each scenario runs against real Redis, a real S3 server (radosgw) and the simulator on
loopback, with the apps run from their build.

The physical limit of a real run is the rate limit: about 2,645 requests (1,322 games x 2 endpoints,
plus the schedule and players) at 5 s each is 3 h 40 min. The product's own work must stay far below
that, and the limiter must not waste the interval.

${LIMITER_NOTE}

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
