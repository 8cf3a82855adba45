import type { z } from 'zod';
import { type Config, configField } from './config-fields.js';
import { maskVariable } from './mask.js';
import { CONFIG_SCHEMA, type ConfigVariable } from './schema.js';

/** Thrown by loadConfig; `message` is one line naming every bad variable, its value and what is allowed. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Variables whose values must never be echoed back. */
const SECRET_VARIABLES = new Set(['DASHBOARD_PASSWORD', 'NBA_API_PROXY']);

function describe(name: string, raw: unknown): string {
  if (raw === undefined) return 'got nothing (unset)';
  if (SECRET_VARIABLES.has(name)) return 'got a value that is not shown';
  // A URL's password (REDIS_URL, S3_ENDPOINT) is masked; the rest of the value is shown.
  return `got ${JSON.stringify(typeof raw === 'string' ? maskVariable(name, raw) : raw)} (${typeof raw})`;
}

/**
 * Reads and validates the environment. Pure: pass `env` explicitly in tests. Empty strings
 * count as unset, so `FOO=` in an env file falls back to the default.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(CONFIG_SCHEMA.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = CONFIG_SCHEMA.safeParse(input);
  if (!result.success) throw new ConfigError(formatIssues(result.error.issues, input));
  const v = result.data;
  const problems: string[] = [];
  if ((v.DASHBOARD_USER === undefined) !== (v.DASHBOARD_PASSWORD === undefined)) {
    problems.push('DASHBOARD_USER and DASHBOARD_PASSWORD: expected both set (basic auth) or neither');
  }
  if (v.BLOCKED_COOL_DOWN_MAX_SECONDS < v.BLOCKED_COOL_DOWN_SECONDS) {
    problems.push(
      `BLOCKED_COOL_DOWN_MAX_SECONDS: expected at least BLOCKED_COOL_DOWN_SECONDS (${v.BLOCKED_COOL_DOWN_SECONDS}), got ${v.BLOCKED_COOL_DOWN_MAX_SECONDS}`,
    );
  }
  // stats.nba.com cuts off clients that ask more than about once a second; sub-second intervals
  // are for the simulator only.
  if (v.RATE_LIMIT_SECONDS < 1 && isRealNbaApi(v.NBA_API_BASE_URL)) {
    problems.push(
      `RATE_LIMIT_SECONDS: expected at least 1 against stats.nba.com (sub-second intervals are for the simulator), got ${JSON.stringify(input.RATE_LIMIT_SECONDS)}`,
    );
  }
  // An unchecked certificate lets anyone between us and Akamai read the traffic and feed us data.
  if (v.NBA_API_INSECURE_TLS && isRealNbaApi(v.NBA_API_BASE_URL)) {
    problems.push(
      `NBA_API_INSECURE_TLS: expected false against stats.nba.com (it is for the simulator's self-signed certificate), got ${JSON.stringify(input.NBA_API_INSECURE_TLS)}`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  // Every variable into its field; the one field loaded differently, the base URL, is set after.
  return Object.freeze({ ...toFields(v), nbaApiBaseUrl: v.NBA_API_BASE_URL.replace(/\/+$/, '') });
}

/** The schema's output by field name, every field present (unset ones as undefined), lists frozen. */
function toFields(values: z.output<typeof CONFIG_SCHEMA>): Config {
  const fields: Record<string, unknown> = {};
  for (const variable of Object.keys(CONFIG_SCHEMA.shape) as ConfigVariable[]) {
    const value = values[variable];
    fields[configField(variable)] = Array.isArray(value) ? Object.freeze([...value]) : value;
  }
  // Keys and values follow `Config`'s definition; TypeScript cannot check a loop over keys.
  return fields as Config;
}

/** True when the URL's host is stats.nba.com (or a subdomain of it). */
export function isRealNbaApi(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname.toLowerCase();
  return host === 'stats.nba.com' || host.endsWith('.stats.nba.com');
}

function formatIssues(issues: readonly z.core.$ZodIssue[], input: Record<string, string>): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    if (seen.has(name)) continue;
    seen.add(name);
    const message = issue.message.startsWith('is required')
      ? issue.message
      : `${issue.message}, ${describe(name, input[name])}`;
    problems.push(`${name}: ${message}`);
  }
  return problems;
}

/**
 * For `main.ts` of every app: load the config or print the one-line reason and exit 2 before
 * anything is enqueued or written.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
