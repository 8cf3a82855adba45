import { MASK, redactCredentials } from '../log/index.js';
import { CONFIG_FIELDS, type Config } from './config-fields.js';
import type { ConfigVariable } from './schema.js';

/**
 * Secrets out of what the product prints (`planner doctor`, config errors): the dashboard's
 * password, the proxy's credentials, and any password in a URL. Pure.
 */

export { MASK };

/** Variables whose whole value is a secret. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set<ConfigVariable>(['DASHBOARD_PASSWORD']);

/**
 * URL variables: the password is always masked; the proxy's user name too, because proxy
 * providers put account keys and session tokens there.
 */
const URL_VARIABLES: Readonly<Partial<Record<ConfigVariable, { readonly user: boolean }>>> = {
  REDIS_URL: { user: false },
  S3_ENDPOINT: { user: false },
  NBA_API_BASE_URL: { user: false },
  NBA_API_PROXY: { user: true },
};

/** Query parameters that carry credentials (`rediss://host?password=...`, signed URLs). */
const SECRET_PARAM = /pass|secret|token|key|auth|sig|credential/i;
const SCHEME_AUTHORITY = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/?#]*)(.*)$/s;

/**
 * The URL with its password (and with `user`, its user name) replaced by `***`, and the values of
 * credential-like query parameters too. Text that is not a URL comes back unchanged. The rest of
 * the URL is kept as written (no normalisation), so it reads as the user set it.
 */
export function maskUrl(url: string, options: { readonly user?: boolean } = {}): string {
  const match = SCHEME_AUTHORITY.exec(url);
  if (!match) return url;
  const [, scheme = '', authority = '', rest = ''] = match;
  const at = authority.lastIndexOf('@');
  let host = authority;
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    host = authority.slice(at + 1);
    const colon = userinfo.indexOf(':');
    const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
    const hasPassword = colon >= 0 && userinfo.length > colon + 1;
    const shownUser = options.user === true && user !== '' ? MASK : user;
    host = `${shownUser}${hasPassword ? `:${MASK}` : colon >= 0 ? ':' : ''}@${host}`;
  }
  return `${scheme}${host}${maskQuery(rest)}`;
}

function maskQuery(rest: string): string {
  const q = rest.indexOf('?');
  if (q < 0) return rest;
  const hash = rest.indexOf('#', q);
  const end = hash < 0 ? rest.length : hash;
  const params = rest
    .slice(q + 1, end)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const name = pair.slice(0, eq);
      return SECRET_PARAM.test(name) && eq < pair.length - 1 ? `${name}=${MASK}` : pair;
    });
  return `${rest.slice(0, q + 1)}${params.join('&')}${rest.slice(end)}`;
}

/** A variable's value as it may be shown: secrets masked. */
export function maskVariable(name: string, value: string): string {
  if (SECRET_VARIABLES.has(name)) return MASK;
  const url = URL_VARIABLES[name as ConfigVariable];
  // A value that is not a URL at all (a refused one) still has its `user:password@` masked.
  return url === undefined ? value : redactCredentials(maskUrl(value, url));
}

/** One variable as loaded: its value (masked) and whether the environment set it. */
export interface LoadedVariable {
  readonly value: string;
  readonly source: 'env' | 'default';
}

/**
 * The configuration as loaded, by variable name, secrets masked: lists joined with commas,
 * unset optional values as `unset`. `env` tells which the environment set (the rest are defaults).
 */
export function describeConfig(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
): Record<ConfigVariable, LoadedVariable> {
  const out = {} as Record<ConfigVariable, LoadedVariable>;
  for (const [name, field] of Object.entries(CONFIG_FIELDS) as [ConfigVariable, keyof Config][]) {
    const raw = config[field];
    const text = raw === undefined ? 'unset' : Array.isArray(raw) ? raw.join(',') : String(raw);
    const set = env[name] !== undefined && env[name] !== '';
    out[name] = {
      value: raw === undefined ? text : maskVariable(name, text),
      source: set ? 'env' : 'default',
    };
  }
  return out;
}

/**
 * The secret strings of a config, to scrub from any text before it is printed (an error message
 * that quotes a URL, say): the dashboard password, the proxy's user and password, and the
 * passwords and credential parameters of every URL. Very short values are left out: scrubbing
 * `a` would garble everything.
 */
export function configSecrets(config: Config): string[] {
  const secrets = new Set<string>();
  const add = (value: string | undefined) => {
    if (value === undefined || value.length < 3) return;
    secrets.add(value);
    try {
      secrets.add(decodeURIComponent(value));
    } catch {
      // not percent-encoded
    }
    secrets.add(encodeURIComponent(value));
  };
  add(config.dashboardPassword);
  for (const [url, user] of [
    [config.redisUrl, false],
    [config.s3Endpoint, false],
    [config.nbaApiBaseUrl, false],
    [config.nbaApiProxy, true],
  ] as const) {
    if (url === undefined) continue;
    const parts = urlSecrets(url);
    add(parts.password);
    if (user) add(parts.user);
    for (const value of parts.params) add(value);
  }
  return [...secrets].sort((a, b) => b.length - a.length);
}

function urlSecrets(url: string): { user?: string; password?: string; params: string[] } {
  const match = SCHEME_AUTHORITY.exec(url);
  if (!match) return { params: [] };
  const [, , authority = '', rest = ''] = match;
  const at = authority.lastIndexOf('@');
  const userinfo = at < 0 ? '' : authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  const params: string[] = [];
  const q = rest.indexOf('?');
  if (q >= 0) {
    for (const pair of rest
      .slice(q + 1)
      .split('#')[0]
      ?.split('&') ?? []) {
      const eq = pair.indexOf('=');
      if (eq > 0 && SECRET_PARAM.test(pair.slice(0, eq))) params.push(pair.slice(eq + 1));
    }
  }
  return {
    user: colon < 0 ? userinfo || undefined : userinfo.slice(0, colon) || undefined,
    password: colon < 0 ? undefined : userinfo.slice(colon + 1) || undefined,
    params,
  };
}

/**
 * `text` with every secret of `secrets` replaced by `***`, and (unless `urls` is false: text of
 * our own, like a `user:password@` template) the password of every URL in it.
 */
export function redactSecrets(
  text: string,
  secrets: readonly string[] = [],
  options: { readonly urls?: boolean } = {},
): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(MASK);
  return options.urls === false ? out : redactCredentials(out);
}
