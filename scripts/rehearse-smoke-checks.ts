/**
 * The runtime half of scripts/rehearse-docker-build.ts: starts the deployed apps through the
 * image's ENTRYPOINT, with nothing but the runtime stage's files and ENV, and checks what each
 * answers. No Redis, S3 or network is needed: the apps stop at their config check (exit 2), and
 * the simulator, the health check and the demo probe talk to each other on 127.0.0.1.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { lastExecForm, type Stage } from './dockerfile.js';

export interface SmokeResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface SmokeInput {
  readonly stage: Stage;
  /** The folder standing for the image's `/`. */
  readonly root: string;
  /** The runtime stage's ENV. */
  readonly env: Readonly<Record<string, string>>;
  readonly log: (line: string) => void;
  /** Where the `node` to run them with is; the one on PATH when undefined. */
  readonly nodeBinDir?: string | undefined;
}

interface Expectation {
  readonly name: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly code: number;
  /** Must appear in stdout + stderr. */
  readonly output: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function waitForOutput(child: ChildProcess, text: string, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    let seen = '';
    const timer = setTimeout(() => resolve(false), ms);
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

export async function runSmokeChecks(input: SmokeInput): Promise<SmokeResult[]> {
  const inRoot = (p: string) => (p.startsWith('/') ? path.join(input.root, p) : p);
  const entrypoint = lastExecForm(input.stage, 'ENTRYPOINT').map(inRoot);
  const defaultCmd = lastExecForm(input.stage, 'CMD');
  const health = lastExecForm(input.stage, 'HEALTHCHECK').map(inRoot);
  const appDir = path.dirname(entrypoint[0] as string);
  // Only what a container would have: PATH for `node`, a HOME, and the image's ENV.
  const searchPath = [input.nodeBinDir, process.env.PATH ?? '/usr/bin:/bin'].filter(Boolean).join(':');
  const cleanEnv = { PATH: searchPath, HOME: input.root, ...input.env };
  const results: SmokeResult[] = [];
  const record = (name: string, ok: boolean, detail: string) => {
    results.push({ name, ok, detail });
    input.log(`${ok ? '  ok  ' : ' FAIL '} ${name}${ok ? '' : `: ${detail}`}`);
  };
  const exec = (args: readonly string[], env: Readonly<Record<string, string>> = {}) => {
    const [command, ...rest] = [...entrypoint, ...args];
    const r = spawnSync(command as string, rest, {
      cwd: '/',
      env: { ...cleanEnv, ...env },
      encoding: 'utf8',
    });
    return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
  };
  const expect = (e: Expectation) => {
    const r = exec(e.args, e.env);
    const ok = r.code === e.code && r.output.includes(e.output);
    record(e.name, ok, `exit ${r.code}, output: ${r.output.slice(0, 600)}`);
  };

  const version = spawnSync('node', ['--version'], { env: cleanEnv, encoding: 'utf8' }).stdout.trim();
  input.log(`starting the deployed apps with node ${version}`);
  record('HEALTHCHECK script exists', existsSync(health.at(-1) as string), health.join(' '));
  for (const e of staticExpectations(defaultCmd)) expect(e);

  const port = await freePort();
  const tlsPort = await freePort();
  const simEnv = { HOST: '127.0.0.1', PORT: String(port), SIM_TLS_PORT: String(tlsPort), SIM_EDGE: 'true' };
  const [command, ...rest] = [...entrypoint, 'sim'];
  const sim = spawn(command as string, rest, { cwd: '/', env: { ...cleanEnv, ...simEnv } });
  sim.stderr.resume();
  try {
    record('sim starts and listens', await waitForOutput(sim, 'listening on', 30_000), `port ${port}`);
    const node = (script: string, args: string[], env: Record<string, string> = {}) =>
      spawnSync('node', [path.join(appDir, script), ...args], {
        env: { ...cleanEnv, ...env },
        encoding: 'utf8',
      }).status;
    const healthUrl = `http://127.0.0.1:${port}/__sim/health`;
    record('healthcheck.mjs sim answers 0', node('healthcheck.mjs', ['sim'], simEnv) === 0, healthUrl);
    record(
      'healthcheck.mjs worker answers 1 without Redis',
      node('healthcheck.mjs', ['worker'], { REDIS_URL: `redis://127.0.0.1:${await freePort()}` }) === 1,
      'closed port',
    );
    // The native binary of this platform loads and passes the edge; a plain Node client would hang.
    const check = spawnSync(
      'node',
      [path.join(appDir, 'transport-check.mjs'), `https://127.0.0.1:${tlsPort}/stats`],
      {
        env: cleanEnv,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    record(
      'transport-check.mjs: a request through impit passes the edge (0)',
      check.status === 0 && check.stdout.includes('HTTP 200'),
      `exit ${check.status}: ${check.stdout}${check.stderr}`.slice(0, 600),
    );
    record('demo-probe.mjs finds the simulator (0)', node('demo-probe.mjs', [healthUrl]) === 0, healthUrl);
    record(
      'demo-probe.mjs: no such host (3)',
      node('demo-probe.mjs', ['http://nba-sim.invalid:8787/__sim/health']) === 3,
      'nba-sim.invalid',
    );
    // Demo mode: DEMO_RATE_LIMIT_SECONDS replaces RATE_LIMIT_SECONDS, whose bad value the
    // worker's config check then names: the override happened, and no Redis was needed.
    expect({
      name: 'entrypoint applies DEMO_* overrides when the simulator answers',
      args: ['worker'],
      env: { DEMO_WHEN_SIMULATOR: healthUrl, DEMO_RATE_LIMIT_SECONDS: 'fast' },
      code: 2,
      output: 'RATE_LIMIT_SECONDS: expected a number of seconds > 0',
    });
  } finally {
    sim.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => sim.once('exit', resolve));
    record('sim stops on SIGTERM with exit 0', code === 0, `exit ${code}`);
  }
  return results;
}

function staticExpectations(defaultCmd: readonly string[]): Expectation[] {
  const config = 'invalid configuration: AWS_REGION: is required';
  return [
    { name: 'planner --help', args: ['planner', '--help'], code: 0, output: 'Usage: planner' },
    {
      name: 'planner enqueue season --help',
      args: ['planner', 'enqueue', 'season', '--help'],
      code: 0,
      output: '--dry-run',
    },
    { name: 'worker stops at the config check (exit 2)', args: ['worker'], code: 2, output: config },
    { name: 'dashboard stops at the config check (exit 2)', args: ['dashboard'], code: 2, output: config },
    { name: 'sim --help', args: ['sim', '--help'], code: 0, output: 'nba-sim' },
    { name: 'an unknown role exits 2 with the usage', args: ['bogus'], code: 2, output: 'usage: ROLE' },
    { name: `the default CMD (${defaultCmd.join(' ')})`, args: defaultCmd, code: 2, output: config },
  ];
}
