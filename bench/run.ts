import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/helpers/processes.js';
import { machineInfo } from './lib/machine.js';
import type { ScenarioResult } from './lib/scenario.js';
import { formatResults, writePerformanceDoc } from './report.js';
import { runCapacity } from './scenarios/capacity.js';
import { enqueue } from './scenarios/enqueue.js';
import { idle } from './scenarios/idle.js';
import { limiter, limiterOneSecond, limiterSlowAnswers } from './scenarios/limiter.js';
import { banScenario, s3OutageScenario } from './scenarios/outages.js';
import { parquetWriters } from './scenarios/parquet-writers.js';
import { runRebuild } from './scenarios/rebuild.js';
import { transport } from './scenarios/transport.js';
import { runVerify } from './scenarios/verify.js';

/**
 * `pnpm bench`: every scenario of issue 7 against real Redis, real S3 and the simulator on
 * loopback, apps run from their build. `--only name,name` picks scenarios.
 */
const only = process.argv.includes('--only')
  ? new Set((process.argv[process.argv.indexOf('--only') + 1] ?? '').split(','))
  : undefined;
const wanted = (name: string) => only === undefined || only.has(name);

process.env.APP_RUNTIME = 'dist';
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
// `--cpu-prof`: every planner and worker process writes a V8 CPU profile (open it in Chrome's
// DevTools, or summarise it with bench/profile-summary.ts) under bench/profiles/<time>/<app>/.
if (process.argv.includes('--cpu-prof'))
  process.env.APP_CPU_PROF_DIR = join(REPO_ROOT, 'bench', 'profiles', stamp);
const results: ScenarioResult[] = [];
/** The commit measured, and how many of the apps' files differed from it (they are built from the tree). */
const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
const changed = git('status', '--porcelain', '--', 'apps', 'packages').split('\n').filter(Boolean).length;
const code = `${git('rev-parse', '--short', 'HEAD')}${changed > 0 ? ` with ${changed} files changed in apps/ and packages/` : ''}`;
const say = (text: string) =>
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} bench: ${text}\n`);

async function scenario(name: string, run: () => Promise<ScenarioResult>): Promise<void> {
  if (!wanted(name)) return;
  say(`${name}...`);
  const result = await run();
  say(`${name}: ${JSON.stringify(result.metrics)}`);
  results.push(result);
}

await scenario('transport', () => transport.run());
await scenario('limiter', () => limiter.run());
await scenario('limiter-1s', () => limiterOneSecond.run());
await scenario('limiter-slow-answers', () => limiterSlowAnswers.run());
await scenario('ban', () => banScenario.run());
await scenario('s3-outage', () => s3OutageScenario.run());
if (wanted('capacity') || wanted('rebuild') || wanted('verify')) {
  say('capacity (then rebuild and verify on its output)...');
  const { result, run } = await runCapacity();
  try {
    if (wanted('capacity')) results.push(result);
    say(`capacity: ${JSON.stringify(result.metrics)}`);
    await scenario('rebuild', () => runRebuild(run));
    await scenario('verify', () => runVerify(run));
  } finally {
    await run.close();
  }
}
await scenario('enqueue', () => enqueue.run());
await scenario('parquet-writers', () => parquetWriters.run());
await scenario('idle', () => idle.run());

const profiles = process.env.APP_CPU_PROF_DIR;
if (profiles !== undefined) {
  // Profiling slows every process down: show the figures, but keep them out of the record.
  process.stdout.write(
    `${formatResults({ time: new Date().toISOString(), code, machine: machineInfo(), results })}\n` +
      `profiles (figures not recorded): ${profiles}\n` +
      `summary: node --import tsx bench/profile-summary.ts ${profiles}/worker\n`,
  );
} else {
  const file = join(REPO_ROOT, 'bench', 'results', `${stamp}.json`);
  await mkdir(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  await writeFile(
    file,
    `${JSON.stringify({ time: new Date().toISOString(), code, machine: machineInfo(), results }, null, 2)}\n`,
  );
  const markdown = await writePerformanceDoc();
  process.stdout.write(`${markdown}\nresults: ${file}\n`);
}
