import { parse } from 'yaml';

/**
 * Reads docker-compose.yml the way Docker Compose would, for the engine-less checks in
 * test/deploy-files.test.ts: YAML with merge keys, then variable interpolation from an
 * environment (`${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?error}`, `$$`).
 */

export interface HealthCheck {
  readonly test?: readonly string[] | string;
  readonly disable?: boolean;
  readonly interval?: string;
  readonly timeout?: string;
  readonly retries?: number;
  readonly start_period?: string;
}

export interface Dependency {
  readonly condition?: 'service_started' | 'service_healthy' | 'service_completed_successfully';
  readonly required?: boolean;
}

export interface ComposeService {
  readonly image?: string;
  readonly build?: string | { readonly context?: string; readonly dockerfile?: string };
  readonly command?: readonly string[] | string;
  readonly entrypoint?: readonly string[] | string;
  readonly environment?: Readonly<Record<string, string | number | boolean | null>> | readonly string[];
  readonly depends_on?: Readonly<Record<string, Dependency>> | readonly string[];
  readonly healthcheck?: HealthCheck;
  readonly ports?: readonly string[];
  readonly volumes?: readonly string[];
  readonly profiles?: readonly string[];
  readonly restart?: string;
  readonly container_name?: string;
  readonly stop_grace_period?: string;
  readonly init?: boolean;
}

export interface ComposeFile {
  readonly name?: string;
  readonly services: Readonly<Record<string, ComposeService>>;
  readonly volumes?: Readonly<Record<string, unknown>>;
}

const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Compose's interpolation of one string. */
export function interpolate(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(VARIABLE, (whole, braced, operator, operand, bare) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare) as string;
    const value = env[name];
    const unset = value === undefined;
    const empty = unset || value === '';
    switch (operator as string | undefined) {
      case ':-':
        return empty ? (operand as string) : (value as string);
      case '-':
        return unset ? (operand as string) : (value as string);
      case ':?':
      case '?':
        if (operator === ':?' ? empty : unset) throw new Error(`${name}: ${operand}`);
        return value as string;
      case ':+':
        return empty ? '' : (operand as string);
      case '+':
        return unset ? '' : (operand as string);
      default:
        return value ?? '';
    }
  });
}

function interpolateDeep(value: unknown, env: Readonly<Record<string, string | undefined>>): unknown {
  if (typeof value === 'string') return interpolate(value, env);
  if (Array.isArray(value)) return value.map((item) => interpolateDeep(item, env));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, env)]));
  }
  return value;
}

/** The raw YAML (merge keys applied, nothing interpolated). */
export function parseComposeYaml(text: string): ComposeFile {
  return parse(text, { merge: true }) as ComposeFile;
}

/** The file as Compose sees it with `env` as the shell environment. */
export function loadCompose(
  text: string,
  env: Readonly<Record<string, string | undefined>> = {},
): ComposeFile {
  return interpolateDeep(parseComposeYaml(text), env) as ComposeFile;
}

/** A service's environment as strings (Compose turns numbers and booleans into text). */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      (env as string[]).map((entry) => {
        const eq = entry.indexOf('=');
        return eq < 0 ? [entry, ''] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(env as Record<string, unknown>).map(([k, v]) => [k, v === null ? '' : String(v)]),
  );
}

export function dependenciesOf(service: ComposeService): Record<string, Dependency> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) {
    return Object.fromEntries((deps as string[]).map((name) => [name, { condition: 'service_started' }]));
  }
  return { ...(deps as Record<string, Dependency>) };
}

/** `2m`, `90s`, `1m30s`, `500ms` → seconds. */
export function durationSeconds(text: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6 };
  let total = 0;
  const rest = text.replace(/(\d+(?:\.\d+)?)(h|ms|us|m|s)/g, (_, n: string, unit: string) => {
    total += Number(n) * (units[unit] as number);
    return '';
  });
  if (rest.trim() !== '') throw new Error(`not a duration: ${JSON.stringify(text)}`);
  return total;
}

/** `host:container`, `ip:host:container`, with an optional `/tcp` → the two ports. */
export function parsePort(spec: string): { hostIp?: string; host: string; container: string } {
  const parts = spec.replace(/\/(tcp|udp)$/, '').split(':');
  const container = parts.at(-1) as string;
  const host = (parts.length >= 2 ? parts.at(-2) : '') as string;
  const hostIp = parts.length === 3 ? parts[0] : undefined;
  return hostIp === undefined ? { host, container } : { hostIp, host, container };
}

export function asList(value: readonly string[] | string | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? value.split(/\s+/).filter((w) => w !== '') : [...value];
}
