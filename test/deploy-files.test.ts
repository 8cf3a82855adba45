/**
 * Checks of the Dockerfile, .dockerignore and docker-compose.yml that need no Docker engine
 * (none runs on the build machines): the compose file as Compose would read it, its variables
 * against the config schema, its health checks and dependencies, the Dockerfile's paths against
 * the build context, and (last, ~1 min) the Dockerfile's build rehearsed in a temporary copy.
 * REHEARSE_DOCKER_BUILD=0 skips the rehearsal; =cold runs it with an empty pnpm store.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCliOptions } from '@repo/nba-sim';
import { CONFIG_SCHEMA, type ConfigVariable, loadConfig } from '@repo/shared/config';
import { describe, expect, it } from 'vitest';
import { lastExecForm, parseCopy, parseDockerfile, type Stage } from '../scripts/dockerfile.js';
import { buildContext, isIgnored, parseDockerignore } from '../scripts/dockerignore.js';
import { rehearseDockerBuild } from '../scripts/rehearse-docker-build.js';
import {
  asList,
  type ComposeService,
  dependenciesOf,
  durationSeconds,
  environmentOf,
  loadCompose,
  parsePort,
} from './helpers/compose-file.js';
import { buildStage, imageLayout, mainFileOf, workspaceFolder } from './helpers/image-layout.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

const composeText = read('docker-compose.yml');
/** As Compose reads it from a shell that sets none of our variables. */
const compose = loadCompose(composeText);
const services = compose.services;
const dockerfile = parseDockerfile(read('Dockerfile'));
const runtime = dockerfile.stages.at(-1) as Stage;
const build = buildStage(dockerfile);
const layout = imageLayout(build);
const entrypointScript = read('docker/entrypoint.sh');

const gitFiles = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .stdout.split('\n')
  .filter((f) => f !== '' && existsSync(path.join(ROOT, f)));
const context = new Set(buildContext(gitFiles, read('.dockerignore')));
const inContext = (p: string) => {
  const clean = p.replace(/^\.\/|\/$/g, '');
  return (
    clean === '.' || clean === '' || context.has(clean) || [...context].some((f) => f.startsWith(`${clean}/`))
  );
};

const SCHEMA_VARIABLES = Object.keys(CONFIG_SCHEMA.shape) as ConfigVariable[];
/** Variables the apps' containers may get besides the schema's: read by the AWS SDK. */
const AWS_SDK_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];
/** Read by docker/entrypoint.sh: the demo switch, and `DEMO_<schema variable>` overrides. */
const ENTRYPOINT_VARIABLES = ['DEMO_WHEN_SIMULATOR'];
/** Schema variables that name this file's services instead of passing through from the shell. */
const WIRED = ['REDIS_URL', 'S3_ENDPOINT', 'S3_FORCE_PATH_STYLE', 'DASHBOARD_HOST'];
/** Third-party images: what their commands and health checks may run, and the variables they read. */
const THIRD_PARTY: Record<string, { programs: string[]; variables: string[] }> = {
  redis: { programs: ['redis-server', 'redis-cli'], variables: [] },
  'minio/minio': { programs: ['server', 'mc'], variables: ['MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD'] },
  // Its command is a shell script that reads these four.
  'minio/mc': {
    programs: ['/bin/sh', 'mc'],
    variables: ['MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD', 'S3_BUCKET_NAME', 'DEMO_S3_BUCKET_NAME'],
  },
};
const SIMULATOR_VARIABLES = [
  'HOST',
  'PORT',
  'SIM_SEASON',
  'SIM_DATE_FROM',
  'SIM_DATE_TO',
  'SIM_MAX_GAMES',
  'SIM_TLS_PORT',
  'SIM_EDGE',
];

const ours = (s: ComposeService) => s.build !== undefined;
const appServices = Object.entries(services).filter(([, s]) => ours(s) && !(s.profiles ?? []).length);
const imageName = (s: ComposeService) => (s.image ?? '').replace(/:[^:/]+$/, '');

/** What a container of the service runs: the image's ENTRYPOINT and CMD unless overridden. */
function argvOf(service: ComposeService): string[] {
  const entrypoint = service.entrypoint ? asList(service.entrypoint) : lastExecForm(runtime, 'ENTRYPOINT');
  const command = service.command
    ? asList(service.command)
    : service.entrypoint
      ? []
      : lastExecForm(runtime, 'CMD');
  return [...entrypoint, ...command];
}

/** The app (deploy folder) a service of ours runs, found by running the real entrypoint. */
function appOf(service: ComposeService): string {
  const [script, ...args] = argvOf(service);
  expect(script).toBe(`/app/${[...layout.files].find(([, src]) => src === 'docker/entrypoint.sh')?.[0]}`);
  return mainFileOf(entrypointScript, layout.apps, args).split('/')[0] as string;
}

/** What docker/entrypoint.sh does in demo mode: every DEMO_<NAME> replaces <NAME>. */
function withDemoOverrides(env: Record<string, string>): Record<string, string> {
  const out = { ...env };
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('DEMO_') && !ENTRYPOINT_VARIABLES.includes(key)) out[key.slice(5)] = value;
  }
  return out;
}

describe('docker-compose.yml', () => {
  it('has the services of DESIGN §10, and the simulator only in the demo profile', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['dashboard', 'minio', 'minio-setup', 'nba-sim', 'planner', 'redis', 'worker'].sort(),
    );
    const profiled = Object.entries(services).filter(([, s]) => (s.profiles ?? []).length > 0);
    expect(profiled.map(([name, s]) => [name, s.profiles])).toEqual([['nba-sim', ['demo']]]);
  });

  it('pins every image it pulls (no latest, a versioned tag)', () => {
    for (const [name, service] of Object.entries(services).filter(([, s]) => !ours(s))) {
      const match = /^([a-z0-9./_-]+):([A-Za-z0-9._-]+)$/.exec(service.image ?? '');
      expect(match, `${name}: ${service.image}`).not.toBeNull();
      expect(match?.[2], name).not.toBe('latest');
      expect(match?.[2], name).toMatch(/\d/);
      expect(Object.keys(THIRD_PARTY), name).toContain(match?.[1]);
    }
  });

  it('builds one image from this Dockerfile for every process of ours', () => {
    const built = Object.values(services).filter(ours);
    expect(new Set(built.map((s) => `${s.image} ${JSON.stringify(s.build)}`)).size).toBe(1);
    expect(built[0]?.build).toBe('.');
    expect(built[0]?.image).toMatch(/^[a-z0-9-]+:[a-z0-9.-]+$/);
  });

  it('runs, in every service of ours, an app the Dockerfile builds and deploys', () => {
    const roles: Record<string, string> = {};
    for (const [name, service] of Object.entries(services).filter(([, s]) => ours(s))) {
      const app = appOf(service);
      roles[name] = app;
      expect(layout.apps, name).toContain(app);
      const folder = workspaceFolder(ROOT, `@repo/${app}`);
      expect(folder, `@repo/${app}`).toBeDefined();
      // tsc -p tsconfig.build.json compiles src/ to dist/, so src/main.ts becomes dist/main.js.
      expect(existsSync(path.join(ROOT, folder as string, 'src/main.ts')), app).toBe(true);
      const tsconfig = JSON.parse(read(`${folder}/tsconfig.build.json`)) as {
        compilerOptions: { outDir: string; rootDir: string };
      };
      expect(tsconfig.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: 'src' });
    }
    expect(roles).toEqual({
      dashboard: 'dashboard',
      worker: 'worker',
      planner: 'planner',
      'nba-sim': 'nba-sim',
    });
    expect(
      mainFileOf(entrypointScript, layout.apps, argvOf(services.planner as ComposeService).slice(1)),
    ).toBe('planner/dist/main.js');
  });

  it('runs only programs the third-party images have', () => {
    for (const [name, service] of Object.entries(services).filter(([, s]) => !ours(s))) {
      const known = THIRD_PARTY[imageName(service)]?.programs ?? [];
      const first = (service.entrypoint ? asList(service.entrypoint) : asList(service.command))[0];
      if (first !== undefined) expect(known, name).toContain(first);
      const test = asList(service.healthcheck?.test);
      if (test.length > 0) expect(known, `${name} healthcheck`).toContain(test[1]);
    }
  });

  it('sets in our containers only variables the config schema knows, with valid values', () => {
    const allowed = new Set([
      ...SCHEMA_VARIABLES,
      ...SCHEMA_VARIABLES.map((v) => `DEMO_${v}`),
      ...AWS_SDK_VARIABLES,
      ...ENTRYPOINT_VARIABLES,
    ]);
    for (const [name, service] of appServices) {
      const env = environmentOf(service);
      expect(
        Object.keys(env).filter((k) => !allowed.has(k)),
        name,
      ).toEqual([]);
      expect(() => loadConfig(env), name).not.toThrow();
      expect(() => loadConfig(withDemoOverrides(env)), `${name} in the demo`).not.toThrow();
    }
  });

  it('passes every DESIGN §2 variable through with the schema default, but the wiring', () => {
    const required = { AWS_REGION: 'us-east-1', S3_BUCKET_NAME: 'bucket' };
    const defaults = loadConfig(required) as unknown as Record<string, unknown>;
    for (const [name, service] of appServices) {
      const env = environmentOf(service);
      expect(
        SCHEMA_VARIABLES.filter((v) => !(v in env)),
        name,
      ).toEqual([]);
    }
    for (const variable of SCHEMA_VARIABLES.filter((v) => !WIRED.includes(v))) {
      const passes = new RegExp(`^\\s+${variable}: \\$\\{${variable}(:-[^}]*)?\\}$`, 'm');
      expect(composeText, variable).toMatch(passes);
      if (variable in required) continue;
      const value = environmentOf(services.worker as ComposeService)[variable] as string;
      const config = loadConfig({ ...required, [variable]: value }) as unknown as Record<string, unknown>;
      expect(config, `${variable}=${JSON.stringify(value)}`).toEqual(defaults);
    }
  });

  it('wires Redis, S3 and the credentials to its own services', () => {
    const env = environmentOf(services.worker as ComposeService);
    const minio = environmentOf(services.minio as ComposeService);
    expect(Object.keys(services)).toContain(new URL(env.REDIS_URL as string).hostname);
    expect(Object.keys(services)).toContain(new URL(env.S3_ENDPOINT as string).hostname);
    expect(env.S3_FORCE_PATH_STYLE).toBe('true');
    expect(env.DASHBOARD_HOST).toBe('0.0.0.0');
    expect([env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY]).toEqual([
      minio.MINIO_ROOT_USER,
      minio.MINIO_ROOT_PASSWORD,
    ]);
    expect((minio.MINIO_ROOT_PASSWORD ?? '').length).toBeGreaterThanOrEqual(8);
    // A shell that exported real AWS keys or a local REDIS_URL changes nothing here.
    const shell = loadCompose(composeText, {
      AWS_ACCESS_KEY_ID: 'AKIA...',
      REDIS_URL: 'redis://127.0.0.1:6390',
    });
    expect(environmentOf(shell.services.worker as ComposeService)).toEqual(env);
  });

  it('gives third-party containers only their own variables, consistent with the apps', () => {
    for (const [name, service] of Object.entries(services).filter(([, s]) => !ours(s))) {
      const allowed = THIRD_PARTY[imageName(service)]?.variables ?? [];
      expect(
        Object.keys(environmentOf(service)).filter((k) => !allowed.includes(k)),
        name,
      ).toEqual([]);
    }
    const setup = environmentOf(services['minio-setup'] as ComposeService);
    const app = environmentOf(services.worker as ComposeService);
    expect([setup.S3_BUCKET_NAME, setup.DEMO_S3_BUCKET_NAME]).toEqual([
      app.S3_BUCKET_NAME,
      app.DEMO_S3_BUCKET_NAME,
    ]);
    expect(asList(services['minio-setup']?.command).join(' ')).toMatch(
      /mc mb --ignore-existing "local\/\$S3_BUCKET_NAME" "local\/\$DEMO_S3_BUCKET_NAME"/,
    );
  });

  it('starts the simulator with settings it accepts, listening beyond localhost', () => {
    const env = environmentOf(services['nba-sim'] as ComposeService);
    expect(Object.keys(env).filter((k) => !SIMULATOR_VARIABLES.includes(k))).toEqual([]);
    const options = parseCliOptions([], env);
    expect(options).toMatchObject({ host: '0.0.0.0', port: 8787, tlsPort: 8443, edge: true });
  });

  it('points the apps at the simulator, its own Redis database and bucket in the demo profile', () => {
    const sim = environmentOf(services['nba-sim'] as ComposeService);
    for (const [name, service] of appServices) {
      const env = environmentOf(service);
      const demo = withDemoOverrides(env);
      const health = new URL(env.DEMO_WHEN_SIMULATOR as string);
      const api = new URL(demo.NBA_API_BASE_URL as string);
      expect([health.hostname, health.port, health.pathname], name).toEqual([
        'nba-sim',
        sim.PORT,
        '/__sim/health',
      ]);
      // Over HTTPS through the edge, the way the product meets stats.nba.com.
      expect([api.protocol, api.hostname, api.port, api.pathname], name).toEqual([
        'https:',
        'nba-sim',
        sim.SIM_TLS_PORT,
        '/stats',
      ]);
      expect(sim.SIM_EDGE, name).toBe('true');
      expect(demo.NBA_API_INSECURE_TLS, name).toBe('true');
      expect(loadConfig({ ...demo, AWS_REGION: 'us-east-1' }).nbaApiInsecureTls, name).toBe(true);
      expect(Number(demo.RATE_LIMIT_SECONDS), name).toBeLessThanOrEqual(0.5);
      expect(demo.REDIS_URL, name).not.toBe(env.REDIS_URL);
      expect(new URL(demo.REDIS_URL as string).hostname, name).toBe(
        new URL(env.REDIS_URL as string).hostname,
      );
      expect(demo.S3_BUCKET_NAME, name).not.toBe(env.S3_BUCKET_NAME);
    }
    expect(entrypointScript).toContain('DEMO_WHEN_SIMULATOR');
  });

  it('depends only on services that exist, healthy ones with a health check, finished ones that finish', () => {
    const oneShot = (s: ComposeService) => s.restart === 'no';
    for (const [name, service] of Object.entries(services)) {
      for (const [target, dep] of Object.entries(dependenciesOf(service))) {
        const other = services[target];
        expect(other, `${name} → ${target}`).toBeDefined();
        // A dependency on a service of an inactive profile would make `docker compose up` invalid.
        if ((other?.profiles ?? []).length > 0) expect(dep.required, `${name} → ${target}`).toBe(false);
        if (dep.condition === 'service_healthy') {
          expect(asList(other?.healthcheck?.test).length, `${name} → ${target}`).toBeGreaterThan(0);
          expect(other?.healthcheck?.disable, `${name} → ${target}`).not.toBe(true);
        }
        if (dep.condition === 'service_completed_successfully') {
          expect(oneShot(other as ComposeService), `${name} → ${target} must be one-shot`).toBe(true);
        }
        expect(dep.condition, `${name} → ${target}`).not.toBe('service_started');
      }
    }
    for (const name of ['minio-setup', 'planner']) {
      expect(oneShot(services[name] as ComposeService), name).toBe(true);
    }
    expect(services.planner?.healthcheck?.disable).toBe(true);
  });

  it('checks health with commands the image has, for the role the container runs', () => {
    const healthScript = [...layout.files].find(([, src]) => src === 'docker/healthcheck.mjs')?.[0];
    for (const [name, service] of Object.entries(services).filter(
      ([, s]) => ours(s) && !s.healthcheck?.disable,
    )) {
      const test = asList(service.healthcheck?.test);
      expect(test.slice(0, 3), name).toEqual(['CMD', 'node', `/app/${healthScript}`]);
      const role = appOf(service) === 'nba-sim' ? 'sim' : appOf(service);
      expect(test[3], name).toBe(role);
    }
    const imageCheck = lastExecForm(runtime, 'HEALTHCHECK');
    expect(imageCheck).toEqual(['node', `/app/${healthScript}`]);
  });

  it('keeps Redis durable: AOF on, noeviction, a volume', () => {
    const redis = services.redis as ComposeService;
    const command = asList(redis.command).join(' ');
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--maxmemory-policy noeviction');
    expect(redis.volumes?.some((v) => /^[a-z-]+:\/data$/.test(v))).toBe(true);
    expect(Object.keys(compose.volumes ?? {})).toContain('redis-data');
  });

  it('lets workers scale and finish the job in flight on stop', () => {
    const worker = services.worker as ComposeService;
    expect(worker.container_name).toBeUndefined();
    expect(worker.ports).toBeUndefined();
    expect(worker.stop_grace_period).toBeDefined();
    // Docker's SIGKILL must come after the app's own deadline, so the app reports what was left.
    for (const [name, service] of appServices.filter(([, s]) => s.stop_grace_period !== undefined)) {
      const grace = durationSeconds(service.stop_grace_period as string);
      const deadline = loadConfig(environmentOf(service)).shutdownTimeoutSeconds;
      expect(grace, name).toBeGreaterThan(deadline);
    }
    expect(Object.values(services).every((s) => s.container_name === undefined)).toBe(true);
  });

  it('publishes the dashboard on DASHBOARD_PORT, whatever it is set to', () => {
    for (const port of [undefined, '4000']) {
      const withPort = loadCompose(composeText, { DASHBOARD_PORT: port });
      const dashboard = withPort.services.dashboard as ComposeService;
      const published = (dashboard.ports ?? []).map(parsePort);
      const listens = String(loadConfig(environmentOf(dashboard)).dashboardPort);
      expect(published).toEqual([{ hostIp: '127.0.0.1', host: listens, container: listens }]);
      expect(listens).toBe(port ?? '3000');
    }
    const exposed = runtime.instructions
      .filter((i) => i.keyword === 'EXPOSE')
      .flatMap((i) => i.args.split(/\s+/));
    expect(exposed).toContain('3000');
  });
});

/** Packages a workspace package's runtime code imports (type-only imports are erased by tsc). */
function runtimeImports(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) {
        const text = read(rel);
        const statements =
          /^(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+'([^']+)'|^import\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gms;
        for (const match of text.matchAll(statements)) {
          const specifier = (match[1] ?? match[2] ?? match[3]) as string;
          if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
          const name = specifier.startsWith('@')
            ? specifier.split('/').slice(0, 2).join('/')
            : specifier.split('/')[0];
          found.set(name as string, rel);
        }
      }
    }
  };
  walk(path.join(folder, 'src'));
  return found;
}

describe('Dockerfile', () => {
  it('builds in stages on a pinned, supported Node LTS image', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    const image = dockerfile.globalArgs.NODE_IMAGE ?? '';
    const tag = /^node:(\d+)\.(\d+)\.(\d+)-(bookworm|trixie)-slim$/.exec(image);
    expect(tag, image).not.toBeNull();
    const major = Number(tag?.[1]);
    // Even majors become LTS; 20 ends in April 2026, so the image uses a later line.
    expect(major % 2).toBe(0);
    expect(major).toBeGreaterThanOrEqual(22);
    for (const stage of dockerfile.stages) expect(stage.from).toBe(image);
  });

  it('installs the pinned pnpm from the frozen lockfile and deploys production dependencies only', () => {
    const runs = build.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    const packageManager = (JSON.parse(read('package.json')) as { packageManager: string }).packageManager;
    expect(runs).toContain(`npm install --global ${packageManager}`);
    expect(runs).toContain('pnpm install --offline --frozen-lockfile');
    expect(runs).toContain('pnpm build');
    expect(runs.some((r) => /deploy --prod/.test(r))).toBe(true);
    expect(layout.apps).toEqual(['planner', 'worker', 'dashboard', 'nba-sim']);
  });

  it('deploys every package the apps import at run time (pnpm deploy --prod installs only dependencies)', () => {
    const folders = [...layout.apps.map((app) => workspaceFolder(ROOT, `@repo/${app}`)), 'packages/shared'];
    for (const folder of folders as string[]) {
      const pkg = JSON.parse(read(`${folder}/package.json`)) as { dependencies?: Record<string, string> };
      const missing = [...runtimeImports(folder)]
        .filter(([name]) => !(name in (pkg.dependencies ?? {})))
        .map(([name, file]) => `${name} (imported by ${file})`);
      expect(missing, `${folder}/package.json dependencies`).toEqual([]);
    }
  });

  it('copies only what the build context has', () => {
    for (const stage of dockerfile.stages) {
      for (const copy of stage.instructions
        .filter((i) => i.keyword === 'COPY')
        .map((i) => parseCopy(i.args))) {
        if (copy.from === undefined)
          for (const source of copy.sources) expect(inContext(source), source).toBe(true);
        else expect(copy.sources, 'COPY --from').toEqual([`${layout.deployDir}/`]);
      }
    }
    for (const source of layout.runSources) expect(inContext(source), source).toBe(true);
    expect([...layout.files.keys()].sort()).toEqual([
      'demo-probe.mjs',
      'docker-entrypoint.sh',
      'healthcheck.mjs',
      'transport-check.mjs',
    ]);
  });

  it('leaves installs, builds, git and local state out of the context, and nothing it needs', () => {
    const rules = parseDockerignore(read('.dockerignore'));
    for (const left of [
      'node_modules/x',
      'apps/worker/node_modules/x',
      'packages/shared/dist/index.js',
      '.git/HEAD',
    ]) {
      expect(isIgnored(rules, left), left).toBe(true);
    }
    for (const left of ['.services/env', '.turbo/cache', 'apps/worker/.turbo/log', '.env']) {
      expect(isIgnored(rules, left), left).toBe(true);
    }
    for (const needed of [
      'pnpm-lock.yaml',
      'package.json',
      'apps/worker/src/main.ts',
      'docker/entrypoint.sh',
    ]) {
      expect(context.has(needed), needed).toBe(true);
    }
  });

  it('runs as an unprivileged user with a health check and the entrypoint', () => {
    const user = runtime.instructions
      .filter((i) => i.keyword === 'USER')
      .at(-1)
      ?.args.trim();
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    expect(lastExecForm(runtime, 'ENTRYPOINT')).toEqual(['/app/docker-entrypoint.sh']);
    expect(runtime.instructions.some((i) => i.keyword === 'WORKDIR' && i.args.trim() === '/app')).toBe(true);
    expect(
      runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => parseCopy(i.args).from),
    ).toEqual([build.name]);
  });
});

const rehearsal = process.env.REHEARSE_DOCKER_BUILD ?? '1';

describe.skipIf(rehearsal === '0')('the Dockerfile, rehearsed without an engine', () => {
  it('installs, builds and deploys in a clean copy, and the deployed apps run from /app alone', async () => {
    const lines: string[] = [];
    const report = await rehearseDockerBuild({
      repoRoot: ROOT,
      warmStore: rehearsal !== 'cold',
      log: (line) => lines.push(line),
    }).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${lines.join('\n')}`);
    });
    const failed = report.smoke.filter((s) => !s.ok);
    expect(failed, lines.join('\n')).toEqual([]);
    expect(report.smoke.length).toBeGreaterThanOrEqual(10);
  }, 600_000);
});
