import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const APPS = ['planner', 'worker', 'dashboard'] as const;
export type AppName = (typeof APPS)[number];

/**
 * Node arguments that run an app: from its TypeScript sources, as the root scripts do, or from
 * its build (`APP_RUNTIME=dist`, what benchmarks measure; run `pnpm build` first).
 */
function nodeArgs(app: AppName, args: readonly string[]): string[] {
  // `pnpm bench --cpu-prof` sets APP_CPU_PROF_DIR: every app process writes a V8 CPU profile there.
  const profile = process.env.APP_CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.APP_CPU_PROF_DIR}/${app}`]
    : [];
  if (process.env.APP_RUNTIME === 'dist') return [...profile, `apps/${app}/dist/main.js`, ...args];
  return [...profile, '--conditions=source', '--import', 'tsx', `apps/${app}/src/main.ts`, ...args];
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs an app to completion (the planner's commands). */
export function runApp(
  app: AppName,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs(app, args), {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${app} ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A long-running app (a worker) whose output is kept for assertions. */
export interface RunningApp {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startApp(app: AppName, env: NodeJS.ProcessEnv, args: readonly string[] = []): RunningApp {
  const child = spawn(process.execPath, nodeArgs(app, args), {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
