import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { NBA_API_QUERIES as Q } from './support/start-sim.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const children = new Set<ChildProcess>();

/** `pnpm sim` without pnpm: the same node flags, a clean environment plus `env`. */
function startCli(args: readonly string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts', ...args], {
    cwd: PACKAGE_DIR,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function exited(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

function printedUrl(child: ChildProcess): Promise<{ url: string; printed: string }> {
  let printed = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      printed += c.toString('utf8');
      const url = /listening on (http:\/\/[^\s]+)/.exec(printed)?.[1];
      if (url) resolve({ url, printed });
    });
    child.once('exit', (code) =>
      reject(new Error(`nba-sim exited with ${code} before listening: ${printed}`)),
    );
  });
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe('pnpm sim', () => {
  it('exits 2 naming the variable for a bad SIM_TODAY or --season', async () => {
    const today = await exited(startCli([], { SIM_TODAY: '2024-13-01' }));
    expect(today.code).toBe(2);
    expect(today.stderr).toContain(
      'nba-sim: SIM_TODAY: expected a date YYYY-MM-DD, got "2024-13-01" (string)',
    );
    const season = await exited(startCli(['--season', '2024-25..2023-24']));
    expect(season.code).toBe(2);
    expect(season.stderr).toContain('nba-sim: --season: expected YYYY-YY');
  });

  it('serves several seasons as of --today and stops on SIGTERM', async () => {
    const child = startCli(['--port', '0', '--season', '2024-25,2023-24', '--date-to', '2024-10-23'], {
      SIM_TODAY: '2024-10-23',
      SIM_SEED: '4',
    });
    const done = exited(child);
    const { url, printed } = await printedUrl(child);
    expect(printed).toContain(
      'nba-sim 2024-25 seed 4 today 2024-10-23: 14 games listed\nalso serving 2023-24',
    );
    const log = async (season: string) =>
      (
        (await (
          await fetch(`${url}/stats/leaguegamelog?${Q.leagueGameLog(season, 'Regular Season')}`)
        ).json()) as {
          resultSets: { rowSet: unknown[][] }[];
        }
      ).resultSets[0]?.rowSet ?? [];
    expect((await log('2024-25')).filter((r) => r[7] === null)).toHaveLength(24);
    expect(await log('2023-24')).toHaveLength(28);
    child.kill('SIGTERM');
    expect((await done).code).toBe(0);
  });
});
