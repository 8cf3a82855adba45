import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Dockerfile, parseAssignments, type Stage } from '../../scripts/dockerfile.js';

/**
 * What the Dockerfile's build stage leaves in its deploy folder (copied to /app in the runtime
 * stage), read statically from the instructions, for test/deploy-files.test.ts. The rehearsal
 * (scripts/rehearse-docker-build.ts) proves the same by running them.
 */
export interface ImageLayout {
  /** The build stage's DEPLOY_DIR, e.g. `/out`. */
  readonly deployDir: string;
  /** Apps deployed with `pnpm --filter @repo/<app> deploy --prod`, each to `<deployDir>/<app>`. */
  readonly apps: readonly string[];
  /** Files `cp`-ed into the deploy folder's top level, by name, with their build-context source. */
  readonly files: ReadonlyMap<string, string>;
  /** Context paths the build stage's RUN lines read (`cp` sources). */
  readonly runSources: readonly string[];
}

export function buildStage(dockerfile: Dockerfile): Stage {
  const runtime = dockerfile.stages.at(-1) as Stage;
  const from = runtime.instructions
    .filter((i) => i.keyword === 'COPY')
    .map((i) => /--from=(\S+)/.exec(i.args)?.[1])
    .find((name) => name !== undefined);
  const stage = dockerfile.stages.find((s) => s.name === from);
  if (stage === undefined) throw new Error('the runtime stage copies from no build stage');
  return stage;
}

const unquote = (word: string) => word.replace(/^"(.*)"$/, '$1');

export function imageLayout(stage: Stage): ImageLayout {
  const env: Record<string, string> = {};
  for (const i of stage.instructions) if (i.keyword === 'ENV') Object.assign(env, parseAssignments(i.args));
  const deployDir = env.DEPLOY_DIR;
  if (deployDir === undefined) throw new Error('the build stage sets no DEPLOY_DIR');
  const runs = stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
  const loop = runs.find((r) => /pnpm --filter "@repo\/\$app" deploy --prod/.test(r));
  const apps =
    /for app in ([^;]+);/
      .exec(loop ?? '')?.[1]
      ?.trim()
      .split(/\s+/) ?? [];
  if (!loop?.includes('"$DEPLOY_DIR/$app"')) throw new Error('no deploy loop into "$DEPLOY_DIR/$app"');
  const files = new Map<string, string>();
  const runSources: string[] = [];
  for (const command of runs.flatMap((r) => r.split('&&')).map((c) => c.trim())) {
    const words = command.split(/\s+/);
    if (words[0] !== 'cp') continue;
    const [dest, ...sources] = words.slice(1).map(unquote).reverse();
    for (const source of sources.reverse()) {
      runSources.push(source);
      if (dest === '$DEPLOY_DIR/') files.set(path.basename(source), source);
      else if (dest?.startsWith('$DEPLOY_DIR/')) files.set(dest.slice('$DEPLOY_DIR/'.length), source);
    }
  }
  return { deployDir, apps, files, runSources };
}

/** The workspace folder whose package.json is named `name`. */
export function workspaceFolder(root: string, name: string): string | undefined {
  for (const group of ['apps', 'packages']) {
    for (const entry of readdirSync(path.join(root, group))) {
      const folder = path.join(group, entry);
      try {
        const pkg = JSON.parse(readFileSync(path.join(root, folder, 'package.json'), 'utf8')) as {
          name?: string;
        };
        if (pkg.name === name) return folder;
      } catch {
        // not a package
      }
    }
  }
  return undefined;
}

/**
 * Runs the real docker/entrypoint.sh against stub apps (one `dist/main.js` per deployed app that
 * prints which file ran), and returns the file a container started with `argv` would run,
 * relative to /app.
 */
export function mainFileOf(
  entrypointScript: string,
  apps: readonly string[],
  argv: readonly string[],
): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'entrypoint-'));
  try {
    writeFileSync(path.join(dir, 'docker-entrypoint.sh'), entrypointScript, { mode: 0o755 });
    for (const app of apps) {
      mkdirSync(path.join(dir, app, 'dist'), { recursive: true });
      writeFileSync(
        path.join(dir, app, 'dist', 'main.js'),
        'process.stdout.write(JSON.stringify({ main: process.argv[1], args: process.argv.slice(2) }));\n',
      );
    }
    const result = spawnSync('sh', [path.join(dir, 'docker-entrypoint.sh'), ...argv], {
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(`entrypoint ${argv.join(' ')}: exit ${result.status} ${result.stderr}`);
    const ran = JSON.parse(result.stdout) as { main: string };
    return path.relative(dir, ran.main);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
