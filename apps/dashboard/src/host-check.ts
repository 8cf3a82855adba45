import { isIP } from 'node:net';

/**
 * Which `Host` headers the dashboard answers. A web page can reach a local dashboard by DNS
 * rebinding (its own name, re-pointed at 127.0.0.1): the browser then sends that name as Host,
 * so answering only names the dashboard is served under closes that door.
 */
export interface HostRules {
  /** Names (lower case, IPv6 in brackets) accepted without a port or with the dashboard's port. */
  readonly names: ReadonlySet<string>;
  /** `name:port` pairs accepted as written. */
  readonly withPort: ReadonlySet<string>;
  readonly port: number;
}

/** Addresses that mean "listen everywhere": no Host is ever sent for them. */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * `host` or `host:port` split, lower-cased; a bare IPv6 address (as DASHBOARD_HOST may be) is
 * put in brackets. Undefined for what is neither.
 */
export function splitHost(value: string): { readonly name: string; readonly port?: number } | undefined {
  const text = value.trim().toLowerCase();
  if (isIP(text) === 6) return { name: `[${text}]` };
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match?.[1]) return undefined;
  if (match[2] === undefined) return { name: match[1] };
  const port = Number(match[2]);
  return port >= 1 && port <= 65_535 ? { name: match[1], port } : undefined;
}

/**
 * The rules for a dashboard on `port` listening on `listenHost`: loopback names, `listenHost`
 * unless it is a wildcard, and every DASHBOARD_ALLOWED_HOSTS entry.
 */
export function hostRules(options: {
  readonly port: number;
  readonly listenHost: string;
  readonly allowedHosts?: readonly string[] | undefined;
}): HostRules {
  const names = new Set(LOOPBACK);
  const withPort = new Set<string>();
  const listen = splitHost(options.listenHost);
  if (listen !== undefined && !WILDCARDS.has(listen.name)) names.add(listen.name);
  for (const entry of options.allowedHosts ?? []) {
    const host = splitHost(entry);
    if (host === undefined) continue;
    if (host.port === undefined) names.add(host.name);
    else withPort.add(`${host.name}:${host.port}`);
  }
  return { names, withPort, port: options.port };
}

/** True when a request's `Host` header names this dashboard. */
export function isKnownHost(header: string | undefined, rules: HostRules): boolean {
  const host = header === undefined ? undefined : splitHost(header);
  if (host === undefined) return false;
  if (host.port === undefined || host.port === rules.port) {
    if (rules.names.has(host.name)) return true;
  }
  return host.port !== undefined && rules.withPort.has(`${host.name}:${host.port}`);
}

/** The refusal for a Host that `isKnownHost` did not accept. */
export function unknownHostReason(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    return 'no Host header: the dashboard answers only the names it is served under';
  }
  return `unknown Host ${JSON.stringify(header)}; add it to DASHBOARD_ALLOWED_HOSTS`;
}
