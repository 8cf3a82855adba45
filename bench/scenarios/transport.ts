import { spawn } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { buildQuery, ImpitTransport, NBA_REQUEST_HEADERS } from '@repo/shared/nba';
import { Agent, request } from 'undici';
import { REPO_ROOT, waitFor } from '../../test/helpers/processes.js';
import { freePort } from '../../test/helpers/redis-server.js';
import { round } from '../lib/process-stats.js';
import type { Scenario, ScenarioResult } from '../lib/scenario.js';

const REQUESTS = 200;
const WARM_UP = 20;
/** A play-by-play answer: the largest body of a season (about 200 KB of JSON, gzip on the wire). */
const GAME_ID = '0022400061';

interface Timing {
  readonly msPerRequest: number;
  readonly p95Ms: number;
  readonly cpuMsPerRequest: number;
  readonly bodyBytes: number;
}

/**
 * Sequential requests on one keep-alive connection: wall time and this process's CPU per request
 * (every thread: impit does TLS, HTTP/2 and gzip in its own Rust threads).
 */
async function measure(send: () => Promise<number>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await send();
  const times: number[] = [];
  let bodyBytes = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    bodyBytes = await send();
    times.push(performance.now() - t);
  }
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  return {
    msPerRequest: wall / REQUESTS,
    p95Ms: times[Math.floor(REQUESTS * 0.95)] ?? 0,
    cpuMsPerRequest: (used.user + used.system) / 1000 / REQUESTS,
    bodyBytes,
  };
}

/**
 * What the browser-grade transport costs (ADR 0009): the product's impit transport, with its
 * headers, against a plain undici request for the same answer, both over loopback HTTPS to the
 * simulator's TLS port with the edge off (undici would be held by it). The simulator runs in a
 * process of its own, so the CPU measured is the client's alone.
 */
export const transport: Scenario = {
  name: 'transport',
  async run(): Promise<ScenarioResult> {
    const tlsPort = await freePort();
    const sim = spawn(
      process.execPath,
      [
        'packages/nba-sim/dist/main.js',
        '--port',
        String(await freePort()),
        '--tls-port',
        String(tlsPort),
        '--max-games',
        '70',
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let printed = '';
    sim.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const stopped = new Promise((resolve) => sim.once('exit', resolve));
    const tlsStatsUrl = `https://127.0.0.1:${tlsPort}/stats`;
    const url = `${tlsStatsUrl}/playbyplayv3?${buildQuery({ EndPeriod: '0', GameID: GAME_ID, StartPeriod: '0' })}`;
    const impit = new ImpitTransport({ insecureTls: true, timeoutMs: 10_000 });
    const agent = new Agent({ connect: { rejectUnauthorized: false } });
    try {
      await waitFor(
        'the simulator',
        async () => (printed.includes('listening on https') ? true : undefined),
        30_000,
      );
      const viaImpit = await measure(async () => {
        const answer = await impit.get(url, NBA_REQUEST_HEADERS, AbortSignal.timeout(10_000));
        const { text } = await answer.body();
        if (answer.status !== 200) throw new Error(`impit: HTTP ${answer.status}`);
        return Buffer.byteLength(text);
      });
      const viaUndici = await measure(async () => {
        const answer = await request(url, {
          dispatcher: agent,
          headers: { 'accept-encoding': 'gzip' },
          signal: AbortSignal.timeout(10_000),
        });
        const body = await answer.body.arrayBuffer();
        if (answer.statusCode !== 200) throw new Error(`undici: HTTP ${answer.statusCode}`);
        // undici leaves the gzip to the caller: the product decoded it too when it used undici.
        return gunzipSync(Buffer.from(body)).length;
      });
      const extra = viaImpit.msPerRequest - viaUndici.msPerRequest;
      return {
        name: 'transport',
        description: `${REQUESTS} sequential play-by-play answers (${Math.round(viaImpit.bodyBytes / 1024)} KiB of JSON, gzip) over loopback HTTPS, one connection; impit (Chrome 151, HTTP/2) against plain undici (HTTP/1.1); CPU counts every thread of the client process`,
        metrics: {
          impit_ms_per_request: round(viaImpit.msPerRequest, 2),
          impit_p95_ms: round(viaImpit.p95Ms, 2),
          impit_cpu_ms_per_request: round(viaImpit.cpuMsPerRequest, 2),
          undici_ms_per_request: round(viaUndici.msPerRequest, 2),
          undici_p95_ms: round(viaUndici.p95Ms, 2),
          undici_cpu_ms_per_request: round(viaUndici.cpuMsPerRequest, 2),
          impit_extra_ms_per_request: round(extra, 2),
          extra_share_of_5s_interval: round(extra / 5000, 5),
          body_bytes: viaImpit.bodyBytes,
        },
        goals: [{ goal: 'impit costs < 10 ms more per request than undici', met: extra < 10 }],
      };
    } finally {
      await impit.close();
      await agent.close();
      sim.kill('SIGTERM');
      await stopped;
    }
  },
};
